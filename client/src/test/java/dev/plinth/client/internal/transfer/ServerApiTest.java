package dev.plinth.client.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.PayloadListings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's side of {@code GET /plinth/listings}: every listing in one request, a refused session said so. */
class ServerApiTest {

    private final PayloadServer server;

    ServerApiTest() throws IOException {
        server = new PayloadServer(); // one for each test: JUnit makes an instance per test
    }

    @AfterEach
    void closeTheServer() {
        server.close();
    }

    private static PayloadListing listing(String name, PayloadListing.Entry... files) {
        return new PayloadListing(name, "script", "1.0.0", "", "", List.of(), name + "-hash", List.of(files),
                List.of(), null);
    }

    @Test
    void everyListingComesInOneAnswer() {
        var hud = listing("hud", server.add("a.txt", "a".getBytes(StandardCharsets.UTF_8), true));
        var map = listing("map", server.add("b.txt", "b".getBytes(StandardCharsets.UTF_8), false));
        server.listed = new PayloadListings(List.of(hud, map));

        assertEquals(List.of(hud, map), server.api().listings(PayloadServer.TOKEN).resources());
    }

    @Test
    void noListingsIsAnEmptyList() {
        assertEquals(List.of(), server.api().listings(PayloadServer.TOKEN).resources());
    }

    @Test
    void aRefusedSessionIsAnErrorThatSaysSo() {
        var refused = assertThrows(ClientException.class, () -> server.api().listings("another-token"));
        assertTrue(refused.getMessage().contains("404 (the session ended)"), refused.getMessage());
    }
}

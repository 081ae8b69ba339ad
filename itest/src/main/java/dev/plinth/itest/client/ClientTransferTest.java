package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.ClientEvent;
import dev.plinth.client.ClientResource;
import dev.plinth.client.PlinthClient;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.client.EmitResult;
import dev.plinth.itest.resource.ResourceHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A headless client against the server in one framework, over loopback HTTP and its WebSocket: the join, the
 * transfer and its events, the client script and its API, readiness, events both ways, the warm cache.
 */
class ClientTransferTest {

    static final String META = """
            {"name": "ct-hud", "version": "1.0.0", "author": "tests",
             "scripts": [
               {"path": "server/main.lua", "type": "server"},
               {"path": "client/main.lua", "type": "client"}],
             "assets": [
               {"path": "textures/logo.txt", "type": "asset", "cache": true},
               {"path": "config/data.json", "type": "config", "cache": false}]}
            """;
    static final String CLIENT = """
            AddEventHandler("ct-hud:ping", function(event)
              print("ping " .. event.payload.n .. " from " .. event.source)
              mc.emit_server("ct-hud:pong", {n = event.payload.n + 1})
            end)
            local ok, err = Resource.MarkReady("ct-hud")
            print("client loaded", ok, err, #Resource.GetResources())
            """;

    private ClientHome clients;

    @BeforeEach
    void deploy() throws Exception {
        clients = new ClientHome("");
        clients.deployHud("function on_enable() print('server side up') end", CLIENT);
    }

    @AfterEach
    void cleanUp() throws Exception {
        clients.close();
    }

    @Test
    void aClientDownloadsTheClientPayloadWithTheTransferEventsAndRunsItsScript() {
        List<String> output = ClientHome.lines();
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), output);

        List<String> names = alice.events().stream().map(ClientEvent::name).toList();
        assertTrue(names.containsAll(List.of("system:resource_transfer_begin", "system:resource_transfer_cached",
                "system:resource_transfer_progress", "system:resource_transfer_complete", "resource:started")), names.toString());
        ClientEvent begin = alice.events().stream().filter(e -> e.name().equals("system:resource_transfer_begin"))
                .findFirst().orElseThrow();
        assertEquals("alice", begin.payload().get("playerId"));
        assertEquals(3L, ((Number) begin.payload().get("totalCount")).longValue(), "client script and two assets");
        ClientEvent complete = alice.events().stream()
                .filter(e -> e.name().equals("system:resource_transfer_complete")).findFirst().orElseThrow();
        assertEquals(3L, ((Number) complete.payload().get("receivedCount")).longValue());
        assertEquals(complete.payload().get("totalBytes"), complete.payload().get("receivedBytes"));
        List<Long> counts = alice.events().stream()
                .filter(e -> e.name().equals("system:resource_transfer_progress"))
                .map(e -> ((Number) e.payload().get("receivedCount")).longValue()).toList();
        assertEquals(counts.stream().sorted().toList(), counts, "parallel downloads report in order");
        assertTrue(output.contains("[ct-hud] client loaded\ttrue\tnil\t1"), output.toString());
        assertFalse(output.stream().anyMatch(l -> l.contains("server side up")), "server scripts never run on clients");
        assertEquals(List.of(new ClientResource("ct-hud", "script", "1.0.0", "loaded", true, "1 script(s)")),
                alice.resources());
        assertTrue(Files.isRegularFile(clients.cache("alice").resolve(sha256Of("textures/logo.txt"))),
                "a cached asset is in the cache by its hash");
        assertFalse(Files.exists(clients.cache("alice").resolve(sha256Of("config/data.json"))),
                "a cache: false asset is kept in memory only");
        ResourceHome.await(() -> clients.connected.client("alice").filter(c -> c.ready().contains("ct-hud"))
                .filter(c -> c.state().equals("loaded")), "the server knows alice made ct-hud ready");
    }

    @Test
    void scriptEventsGoBothWaysAsThePlayer() throws Exception {
        List<String> output = ClientHome.lines();
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), output);
        var pongs = new CopyOnWriteArrayList<String>();
        EventBus bus = clients.home.context.getService(clients.home.context.getServiceReference(EventBus.class));
        try (Subscription ignored = bus.subscribe("ct-hud:pong", HandlerOptions.defaults(), event ->
                pongs.add(bus.currentEnvelope().orElseThrow().source() + " " + event.payload().get("n")))) {

            assertEquals(EmitResult.SENT, clients.connected.emit("alice", "ct-hud:ping", Map.of("n", 1)));

            ResourceHome.await(() -> pongs.isEmpty() ? Optional.empty() : Optional.of(true), "the client answers");
            assertEquals(List.of("alice 2"), pongs);
            assertTrue(output.contains("[ct-hud] ping 1 from server"), output.toString());
            assertEquals(EmitResult.NOT_CONNECTED, clients.connected.emit("bob", "ct-hud:ping", Map.of("n", 1)));
        }
    }

    @Test
    void aWarmCacheTransfersOnlyWhatMustNotBeCached() {
        PlinthClient first = clients.connect("alice", clients.cache("shared"), ClientHome.lines());
        long configSize = "{\"speed\": 3}".length();
        assertEquals(3, first.transfers().downloadedFiles());
        first.close();
        ResourceHome.await(() -> clients.connected.client("alice").isEmpty() ? Optional.of(true) : Optional.empty(),
                "alice left");

        PlinthClient again = clients.connect("alice", clients.cache("shared"), ClientHome.lines());

        assertEquals(1, again.transfers().downloadedFiles(), "only the cache: false asset comes again");
        assertEquals(configSize, again.transfers().downloadedBytes());
        assertEquals(2, again.transfers().cachedFiles());
        @SuppressWarnings("unchecked")
        var packets = (List<Map<String, Object>>) again.events().stream()
                .filter(e -> e.name().equals("system:resource_transfer_cached")).findFirst().orElseThrow()
                .payload().get("packets");
        assertEquals(2, packets.size());
        assertTrue(packets.stream().anyMatch(p -> p.get("name").equals("ct-hud:client/main.lua")
                && p.get("resourceType").equals("script") && p.get("version").equals("1.0.0")), packets.toString());
    }

    @Test
    void leavingEndsTheSessionAndThePlayerLeaves() {
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), ClientHome.lines());
        assertTrue(clients.connected.client("alice").isPresent());

        alice.close();

        ResourceHome.await(() -> clients.connected.client("alice").isEmpty() ? Optional.of(true) : Optional.empty(),
                "the session ended");
        assertEquals(ResourceState.STARTED, clients.home.service.info("ct-hud").state());
    }

    @Test
    void aPartialDownloadLeftByAKilledClientResumesFromWhereItStopped() throws Exception {
        byte[] big = new byte[3 << 20];
        new java.util.Random(3).nextBytes(big);
        Path folder = clients.home.resources.resolve("ct-hud");
        Files.write(folder.resolve("textures/logo.txt"), big);
        clients.home.service.restart("ct-hud");
        String hash = sha256Of("textures/logo.txt");
        Path cache = clients.cache("resumer");
        Files.createDirectories(cache);
        Files.write(cache.resolve(hash + ".part"), java.util.Arrays.copyOf(big, 1 << 20));

        List<String> output = ClientHome.lines();
        PlinthClient resumer = clients.connect("resumer", cache, output);

        assertEquals(1, resumer.transfers().resumedFiles());
        assertTrue(output.contains("resumed ct-hud:textures/logo.txt from 1.0 MiB"), output.toString());
        assertEquals(java.util.Arrays.hashCode(big), java.util.Arrays.hashCode(Files.readAllBytes(cache.resolve(hash))));
        assertFalse(Files.exists(cache.resolve(hash + ".part")));
    }

    /** The current hash of a file of ct-hud, as the server's payload lists it. */
    private String sha256Of(String path) {
        return clients.payloads.payload("ct-hud").orElseThrow().file(path).orElseThrow().sha256();
    }
}

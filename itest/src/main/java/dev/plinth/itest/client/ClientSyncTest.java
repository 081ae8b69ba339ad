package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.ClientEvent;
import dev.plinth.client.PlinthClient;
import dev.plinth.core.runtime.client.EmitResult;
import dev.plinth.itest.resource.ResourceHome;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resource restarted or stopped on the server while a client is connected: {@code resource:sync}, only what changed
 * downloaded again, the client scripts reloaded or stopped with their handlers and readiness.
 */
class ClientSyncTest {

    private ClientHome clients;

    @BeforeEach
    void deploy() throws Exception {
        clients = new ClientHome("");
        clients.deployHud("-- server", ClientTransferTest.CLIENT);
    }

    @AfterEach
    void cleanUp() throws Exception {
        clients.close();
    }

    @Test
    void aRestartReloadsTheClientWithOnlyTheChangedFiles() throws Exception {
        List<String> output = ClientHome.lines();
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), output);
        long before = alice.transfers().downloadedFiles();
        Files.writeString(clients.home.resources.resolve("ct-hud/client/main.lua"), """
                AddEventHandler("ct-hud:ping", function(event) print("v2 ping " .. event.payload.n) end)
                Resource.MarkReady("ct-hud")
                print("client v2")
                """);

        clients.home.service.restart("ct-hud");

        ClientEvent sync = alice.awaitEvent(e -> e.name().equals("resource:sync")
                && "started".equals(e.payload().get("state")), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no resource:sync: " + output));
        assertEquals(Map.of("resourceName", "ct-hud", "resourceType", "script", "state", "started",
                "version", "1.0.0", "author", "tests"), sync.payload());
        assertTrue(output.contains("[ct-hud] client v2"), output.toString());
        assertEquals(List.of("resource:started", "resource:stopped", "resource:sync", "resource:started",
                "resource:sync"), alice.events().stream().map(ClientEvent::name).filter(n -> n.startsWith("resource:"))
                .toList(), "the old scripts stop, the new ones start");
        assertTrue(alice.isReady("ct-hud"), "the new script marked it ready again");
        assertEquals(before + 1, alice.transfers().downloadedFiles(),
                "only the changed script: the other files are in the cache, the cache: false one in memory");
    }

    @Test
    void aStopUnloadsTheClientScriptsTheirHandlersAndReadiness() throws Exception {
        List<String> output = ClientHome.lines();
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), output);
        ResourceHomeWait.until(() -> clients.connected.client("alice").map(c -> c.ready().contains("ct-hud"))
                .orElse(false), "alice made ct-hud ready");

        clients.home.service.stop("ct-hud");

        alice.awaitEvent(e -> e.name().equals("resource:sync") && "stopped".equals(e.payload().get("state")),
                Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no resource:sync: " + output));
        assertEquals("stopped", alice.resources().getFirst().state());
        assertFalse(alice.isReady("ct-hud"));
        assertTrue(alice.events().stream().anyMatch(e -> e.name().equals("resource:stopped")));
        ResourceHomeWait.until(() -> clients.connected.client("alice").map(c -> c.ready().isEmpty()).orElse(false),
                "the server forgot ct-hud's readiness");
        assertEquals(EmitResult.SENT, clients.connected.emit("alice", "ct-hud:ping", Map.of("n", 7)));
        Thread.sleep(300);
        assertFalse(output.stream().anyMatch(l -> l.contains("ping 7")), "the stopped script's handler is gone");

        clients.home.service.start("ct-hud");

        ResourceHome.await(() -> alice.isReady("ct-hud") ? Optional.of(true) : Optional.empty(),
                "ct-hud loaded and ready again");
    }

    @Test
    void aResourceWhoseFolderIsRemovedIsSyncedAsStoppedToItsClients() throws Exception {
        List<String> output = ClientHome.lines();
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), output);
        ResourceHomeWait.until(() -> clients.connected.client("alice").map(c -> c.ready().contains("ct-hud"))
                .orElse(false), "alice made ct-hud ready");

        ResourceHome.delete(clients.home.resources.resolve("ct-hud"));

        ClientEvent sync = alice.awaitEvent(e -> e.name().equals("resource:sync")
                && "stopped".equals(e.payload().get("state")), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no resource:sync for the removed resource: " + output));
        assertEquals(Map.of("resourceName", "ct-hud", "resourceType", "script", "state", "stopped",
                "version", "1.0.0", "author", "tests"), sync.payload());
        assertFalse(alice.isReady("ct-hud"));
    }
}

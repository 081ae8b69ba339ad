package dev.plinth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.simulation.SimulationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** The testkit drives the example plugin {@code hello} (on this test's class path) as a plugin author would. */
class PlinthTestServerTest {

    static PlinthTestServer server;
    static Simulation sim;

    @BeforeAll
    static void start() {
        server = PlinthTestServer.builder().withServerJson("{\"forms\": {\"timeoutTicks\": 100}}").start();
        sim = server.simulation();
        sim.join("alice");
    }

    @AfterAll
    static void stop() {
        Path home = server.home();
        server.close();
        assertTrue(Files.notExists(home), "the temporary home is deleted");
    }

    @Test
    void thePluginUnderTestAndTheRuntimeAreActive() {
        assertEquals(Bundle.ACTIVE, server.bundle("dev.plinth.examples.hello").getState());
        assertEquals(Bundle.ACTIVE, server.bundle("dev.plinth.core.runtime").getState());
    }

    @Test
    void aForbiddenWordIsBlockedAndTheAuthorIsTold() {
        assertEquals("alice's message was cancelled", sim.chat("alice", "such a spoiler"));
        assertTrue(sim.inbox("alice").getLast().endsWith("Your message was blocked: 'spoiler' is not allowed here."));
    }

    @Test
    void aCommandAnswersThePlayer() {
        assertEquals("/hello: executed", sim.command("alice", "/hello"));
        assertTrue(sim.inbox("alice").getLast().endsWith("message: Hello, alice!"));
    }

    @Test
    void theScheduledTipComesEveryMinuteOfTicks() {
        sim.tick(1200);
        assertTrue(sim.inbox("alice").getLast().endsWith("message: Tip: type /hello to be greeted, /menu for the menu"),
                sim.inbox("alice").toString());
    }

    @Test
    void anUnansweredFormTimesOutWithTheConfiguredTicks() {
        sim.command("alice", "menu");
        sim.tick(100);
        assertTrue(sim.inbox("alice").getLast().endsWith("message: Maybe later, then."), sim.inbox("alice").toString());
    }

    @Test
    void failuresCarryTheirErrorCode() {
        var e = assertThrows(SimulationException.class, () -> sim.quit("nobody"));
        assertEquals(SimulationException.NOT_FOUND, e.code());
    }
}

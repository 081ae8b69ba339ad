package com.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testkit.PlinthTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plugin and a Lua resource beside it, on a Plinth server in the test. */
class GreeterPluginTest {

    @Test
    void thePluginGreetsAndTheLuaResourceWaves() {
        try (var server = PlinthTestServer.builder()
                .withBundle(Path.of("target/classes"))
                .withResource(Path.of("src/test/resources/lua/waver"))
                .start()) {
            var sim = server.simulation();
            sim.join("alice");

            assertEquals("/greet: executed", sim.command("alice", "greet"));
            assertTrue(sim.inbox("alice").getLast().endsWith("message: Greetings, alice!"), sim.inbox("alice").toString());
            assertEquals("/wave: executed", sim.command("alice", "wave"));
            assertTrue(sim.inbox("alice").getLast().endsWith("message: *waves at alice*"), sim.inbox("alice").toString());
        }
    }
}

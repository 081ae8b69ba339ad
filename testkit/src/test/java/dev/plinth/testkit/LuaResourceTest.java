package dev.plinth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A Lua resource under test: started before the test runs, or the start fails with the script's own error. */
class LuaResourceTest {

    @Test
    void aLuaResourceIsStartedBeforeTheTestRuns() {
        try (var server = PlinthTestServer.builder().withResource(Path.of("src/test/resources/lua/waver")).start()) {
            var sim = server.simulation();
            sim.join("alice");

            assertEquals("/wave: executed", sim.command("alice", "wave"));
            assertTrue(sim.inbox("alice").getLast().endsWith("message: *waves at alice*"), sim.inbox("alice").toString());
        }
    }

    @Test
    void aLuaResourceThatFailsToStartFailsTheServerWithItsFileAndLine() {
        var e = assertThrows(TestkitException.class,
                () -> PlinthTestServer.builder().withResource(Path.of("src/test/resources/lua/broken")).start());

        assertTrue(e.getMessage().startsWith("resources/broken did not start: ERR_SCRIPT_EXECUTION: broken: main.lua:2:"),
                e.getMessage());
    }
}

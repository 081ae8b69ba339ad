package dev.plinth.itest.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceState;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Lua resource that breaks its instruction budget, in a real framework: each runaway call is aborted and the
 * server goes on; after {@code max_offences} (3) such calls the host stops the resource, which is then in
 * {@code error} with the host's message, file and line.
 */
class LuaLimitsTest {

    private final ResourceHome home = new ResourceHome();
    private final EventLog events = new EventLog(home.context, "resource:stopped");

    @AfterEach
    void cleanUp() throws IOException {
        events.close();
        home.close();
    }

    @Test
    void repeatedInstructionBudgetBreachesStopTheResourceInError() throws IOException {
        // A per-tick budget far above the per-call one: every breach is a per-call one, whatever the tick.
        LuaFolders.deploy(home, "lu-spin", "1.0.0", "[resources]\nmax_fuel_per_tick = 1000000000\n", """
                mc.on("lu:spin", function(event)
                  while true do end
                end)
                """);
        home.service.start("lu-spin");

        for (int call = 1; call <= 2; call++) {
            events.bus().post("lu:spin", Map.of());
            assertEquals(ResourceState.STARTED, home.service.info("lu-spin").state(), "after offence " + call);
        }
        events.bus().post("lu:spin", Map.of());

        String error = home.awaitState("lu-spin", ResourceState.ERROR).lastError().orElseThrow();
        assertTrue(error.startsWith("ERR_SCRIPT_EXECUTION: lu-spin stopped for breaking its limits: lu-spin: main.lua:2: "
                + "instruction budget per call exceeded"), error);
        assertFalse(error.contains("\n"), error);
        assertEquals("resource:stopped {error=" + error + ", resourceName=lu-spin}", events.await("resource:stopped"));
        assertTrue(home.service.diagnose("lu-spin").contains("its last failure: " + error));
        // The host stops the resource on a thread of its own: its handler goes with its bundle when that stop ends.
        ResourceHome.await(() -> events.bus().hasHandlers("lu:spin") ? Optional.empty() : Optional.of(true),
                "its handler went with its bundle");
    }
}

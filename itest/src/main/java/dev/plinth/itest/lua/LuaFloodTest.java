package dev.plinth.itest.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.runtime.interop.ExportedFunction;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/**
 * A chat flood from many players through a Lua chat handler, in a real framework (an attack the sandbox held, kept
 * as a regression test): every message reaches every player and the handler, nothing is lost.
 */
class LuaFloodTest {

    private static final int PLAYERS = 200;
    private static final int MESSAGES = 5;

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);

    @AfterEach
    void cleanUp() throws IOException {
        Simulation sim = runtime.await(Simulation.class);
        for (int p = 0; p < PLAYERS; p++) {
            sim.quit("flooder" + p);
        }
        home.close();
        runtime.close();
    }

    @Test
    void twoHundredPlayersChattingLoseNothing() throws Exception {
        LuaFolders.deploy(home, "lu-counter", """
                local seen = 0
                mc.on("player_chat", function(event) seen = seen + 1 end)
                mc.export("seen", function() return seen end)
                """);
        home.service.start("lu-counter");
        Simulation sim = runtime.await(Simulation.class);
        for (int p = 0; p < PLAYERS; p++) {
            sim.join("flooder" + p);
        }

        for (int m = 0; m < MESSAGES; m++) {
            for (int p = 0; p < PLAYERS; p++) {
                assertEquals("'flooder" + p + ": flood " + m + "' sent to " + PLAYERS + " player(s)",
                        sim.chat("flooder" + p, "flood " + m));
            }
        }

        ServiceReference<ExportedFunction> reference = home.context.getServiceReferences(ExportedFunction.class,
                "(plinth.export.resource=lu-counter)").iterator().next();
        List<Object> seen = home.context.getService(reference).call(List.of());
        home.context.ungetService(reference);
        assertEquals(List.of((long) PLAYERS * MESSAGES), seen);
        assertEquals((long) PLAYERS * MESSAGES, sim.inbox("flooder0").stream()
                .filter(line -> line.contains(": flood ")).count(), "the first player received every message");
    }
}

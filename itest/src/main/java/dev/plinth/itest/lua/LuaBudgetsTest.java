package dev.plinth.itest.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who pays for work, and what a resource out of budget does, in a real framework with the clock paused (every call
 * of a test falls in one tick until the test ticks): a resource flooding another's export pays for it and is stopped
 * itself, and a chat filter flooded past its budget fails closed when it asked to.
 */
class LuaBudgetsTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "lu-flooder:done");
    private Simulation sim;

    @BeforeEach
    void pause() {
        sim = runtime.await(Simulation.class);
        sim.pause();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (sim.players().stream().anyMatch(player -> player.startsWith("alice "))) {
            sim.quit("alice");
        }
        sim.resume();
        events.close();
        home.close();
        runtime.close();
    }

    @Test
    void aResourceFloodingAnotherOnesExportPaysForItAndIsStoppedItself() throws IOException {
        LuaFolders.deploy(home, "lu-worker", """
                mc.export("work", function(n)
                  local s = 0
                  for i = 1, n do s = s + i end
                  return s
                end)
                """);
        LuaFolders.deploy(home, "lu-flooder", "1.0.0", "[resources]\nmax_fuel_per_tick = 100000\n", """
                local work = mc.import("lu-worker", "work")
                mc.on("lu:flood", function(event)
                  local refused = 0
                  for i = 1, 200 do
                    local ok, err = pcall(work, 5000)
                    if not ok then refused = refused + 1 end
                  end
                  mc.emit("lu-flooder:done", {refused = refused})
                end)
                """);
        home.service.start("lu-worker");
        home.service.start("lu-flooder");
        Accounts accounts = runtime.await(Accounts.class);
        long workerBefore = accounts.snapshot("lu-worker").orElseThrow().work();

        for (int tick = 1; tick <= 3; tick++) {
            events.bus().post("lu:flood", Map.of());
            sim.tick(1);
        }

        home.awaitState("lu-flooder", ResourceState.ERROR);
        String error = home.service.info("lu-flooder").lastError().orElseThrow();
        assertTrue(error.startsWith("ERR_SCRIPT_EXECUTION: lu-flooder stopped for breaking its limits: lu-flooder: "
                + "instruction budget per tick exceeded (the calls it caused in other resources spent its budget in 3 "
                + "ticks)"), error);
        assertTrue(events.lines().getFirst().matches("lu-flooder:done \\{refused=1\\d\\d}"), events.lines().toString());
        assertEquals(ResourceState.STARTED, home.service.info("lu-worker").state(), "the callee is not punished");
        AccountSnapshot worker = accounts.snapshot("lu-worker").orElseThrow();
        assertEquals(0, worker.offences());
        assertEquals(workerBefore, worker.work(), "its work for the flooder was charged to the flooder");
    }

    @Test
    void aFloodedFilterThatAskedToFailsClosedAndSaysWhatItMissed() throws IOException {
        LuaFolders.deploy(home, "lu-filter", "1.0.0", "[resources]\nmax_fuel_per_tick = 50000\n", """
                local banned = {}
                for i = 1, 500 do banned["word" .. i] = true end
                banned["forbidden"] = true
                mc.on("player_chat", function(event)
                  for word in event.message:gmatch("%S+") do
                    for i = 1, 200 do local _ = banned[word] end
                    if banned[word] then event:cancel() end
                  end
                end, {cancel_on_failure = true})
                """);
        home.service.start("lu-filter");
        Accounts accounts = runtime.await(Accounts.class);
        sim.join("alice");
        // the example plugin 'hello' filters "badword": the word here is one only this filter knows
        int passed = 0;
        for (int i = 0; i < 300; i++) {
            String said = sim.chat("alice", "hello there forbidden " + i);
            if (!said.equals("alice's message was cancelled")) {
                passed++;
            }
        }

        assertEquals(0, passed, "no banned word went through, even once the filter was out of budget");
        Map<String, Long> missed = accounts.snapshot("lu-filter").orElseThrow().missedEvents();
        assertTrue(missed.getOrDefault("player_chat", 0L) > 100, "the account counts what it missed: " + missed);
        assertEquals(ResourceState.STARTED, home.service.info("lu-filter").state(), "one tick, one offence");
    }
}

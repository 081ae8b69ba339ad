package dev.plinth.itest.lua;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Lua resources through their whole lifecycle in a real framework, with the real Lua host: a started script handles
 * events, commands and ticks of the simulated server; stopping it takes all of that away with its bundle; a script
 * that fails at start leaves its resource in {@code error} with the file and the line; a restart whose new script
 * fails rolls back to the previous one.
 */
class LuaLifecycleTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "lu-echo:pong", "lu-owner:tick", "lu-reload:version-is",
            "resource:started", "resource:start_error");
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
        runtime.await(Scheduler.class);
        runtime.await(Commands.class);
    }

    @AfterEach
    void cleanUp() throws IOException {
        events.close();
        home.close();
        runtime.close();
    }

    @Test
    void aStartedScriptHandlesAnEventPostedOnTheBus() throws IOException {
        LuaFolders.deploy(home, "lu-echo", """
                mc.on("lu:ping", function(event)
                  mc.emit("lu-echo:pong", {value = event.value * 2})
                end)
                """);

        home.service.start("lu-echo");
        events.bus().post("lu:ping", Map.of("value", 21));

        assertEquals(List.of("lu-echo:pong {value=42}"),
                events.lines().stream().filter(l -> l.startsWith("lu-echo:")).toList());
        assertEquals(ResourceState.STARTED, home.service.info("lu-echo").state());
        assertTrue(events.lines().contains("resource:started {resourceName=lu-echo}"), events.lines().toString());
    }

    @Test
    void stoppingAScriptRemovesItsHandlersCommandsAndTasks() throws IOException {
        LuaFolders.deploy(home, "lu-owner", """
                mc.on("player_join", function(event)
                  event.player:send_message("welcome, " .. event.player:name())
                end)
                mc.register_command("lu-hello", {
                  description = "says hello",
                  execute = function(player, args) player:send_message("hello from lu-owner") end
                })
                mc.schedule_repeating(1, function() mc.emit("lu-owner:tick", {}) end)
                """);
        home.service.start("lu-owner");
        Commands commands = runtime.await(Commands.class);
        simulation.pause();
        try {
            simulation.join("lu_owner_p");
            assertEquals("/lu-hello: executed", simulation.command("lu_owner_p", "lu-hello"));
            assertEquals(1, inboxLines("lu_owner_p", "message: welcome, lu_owner_p"));
            assertEquals(1, inboxLines("lu_owner_p", "message: hello from lu-owner"));
            assertTrue(commands.list().stream().anyMatch(c -> c.owner().equals("lu-owner")));
            long ticksBefore = ticks();
            simulation.tick(3);
            assertEquals(ticksBefore + 3, ticks(), "the repeating task ran once a tick");

            home.service.stop("lu-owner");

            assertFalse(commands.list().stream().anyMatch(c -> c.owner().equals("lu-owner")), "its command is gone");
            assertEquals("/lu-hello: unknown", simulation.command("lu_owner_p", "lu-hello"));
            long ticksAfterStop = ticks();
            simulation.tick(3);
            assertEquals(ticksAfterStop, ticks(), "its task is cancelled");
            simulation.quit("lu_owner_p");
            simulation.join("lu_owner_p");
            assertEquals(1, inboxLines("lu_owner_p", "message: welcome, lu_owner_p"), "its join handler is gone");
        } finally {
            simulation.resume();
            if (simulation.players().stream().anyMatch(p -> p.startsWith("lu_owner_p #"))) {
                simulation.quit("lu_owner_p");
            }
        }
    }

    @Test
    void aScriptThatFailsAtStartIsInErrorWithItsFileAndLine() throws IOException {
        LuaFolders.deploy(home, "lu-broken", """
                local greeting = "starting"
                print(greeting)
                undefined_function()
                """);

        var failed = assertCode(ResourceErrorCode.ERR_SCRIPT_EXECUTION, () -> home.service.start("lu-broken"));

        assertTrue(failed.getMessage().startsWith("ERR_SCRIPT_EXECUTION: lu-broken: main.lua:3: attempt to call"),
                failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"), "one line, the traceback is in the log: " + failed.getMessage());
        assertEquals(ResourceState.ERROR, home.service.info("lu-broken").state());
        assertNotEquals(Bundle.ACTIVE, home.bundle("lu-broken").getState());
        assertEquals(failed.getMessage(), home.service.info("lu-broken").lastError().orElseThrow());
        assertTrue(home.service.diagnose("lu-broken").contains("its last failure: " + failed.getMessage()),
                home.service.diagnose("lu-broken").toString());
        assertEquals("resource:start_error {error=" + failed.getMessage() + ", resourceName=lu-broken}",
                events.await("resource:start_error"));
        assertFalse(events.lines().contains("resource:started {resourceName=lu-broken}"), events.lines().toString());
    }

    @Test
    void aRestartWhoseNewScriptFailsRollsBackToThePreviousOne() throws IOException {
        String answer = """
                mc.on("lu:version", function(event)
                  mc.emit("lu-reload:version-is", {version = "%s"})
                end)
                """;
        LuaFolders.deploy(home, "lu-reload", "1.0.0", "", answer.formatted("1.0.0"));
        home.service.start("lu-reload");
        LuaFolders.deploy(home, "lu-reload", "2.0.0", "", "error(\"the new version is broken\")\n");

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("lu-reload"));

        assertTrue(refused.getMessage().startsWith("ERR_RESTART_ROLLBACK_APPLIED: lu-reload: the new content failed to "
                + "start (ERR_SCRIPT_EXECUTION: lu-reload: main.lua:1: the new version is broken); the previous content "
                + "(version 1.0.0) was put back and started again"), refused.getMessage());
        assertEquals(ResourceState.STARTED, home.service.info("lu-reload").state());
        events.bus().post("lu:version", Map.of());
        assertEquals("lu-reload:version-is {version=1.0.0}", events.await("lu-reload:version-is"));
    }

    private long inboxLines(String player, String ending) {
        return simulation.inbox(player).stream().filter(line -> line.endsWith(ending)).count();
    }

    private long ticks() {
        return events.lines().stream().filter(l -> l.startsWith("lu-owner:tick")).count();
    }
}

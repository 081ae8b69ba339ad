package dev.plinth.itest.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Resource.Start} / {@code Resource.Stop} / {@code Resource.Restart} called by a Lua resource from a thread
 * other than the game thread (here the test's, as the shell's {@code event:post} does) while the same resource
 * handles the {@code resource:*} events the game thread posts during that very call: the call must not keep the
 * resource's script to itself while it waits for the game thread, or the game thread waits for the script and the
 * call ends with {@code ERR_START_TIMEOUT}.
 */
class LuaLifecycleCallTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(3);
    private static final String RESULT = "ll-admin:result {err=";
    private static final String WATCHER = """
            function on_disable() end
            for _, name in ipairs({"resource:started", "resource:stopped"}) do
              AddEventHandler(name, function(event)
                mc.emit("ll-admin:seen", {seen = event.name .. " " .. event.payload.resourceName})
              end)
            end
            AddEventHandler("ll:call", function(event)
              mc.emit("ll-admin:result", {err = Resource[event.payload.operation](event.payload.target) or "none"})
            end)
            AddEventHandler("ll:task-coroutine", function(event)
              mc.schedule_task(1, function()
                coroutine.wrap(function()
                  mc.emit("ll-admin:result", {err = Resource.Restart(event.payload.target) or "none"})
                end)()
              end)
            end)
            """;

    private final ResourceHome home = new ResourceHome();
    private final EventLog events = new EventLog(home.context, "ll-admin:seen", "ll-admin:result");

    @BeforeEach
    void deploy() throws IOException {
        ResourceHome.await(() -> Optional.ofNullable(home.context.getServiceReference(GameThread.class)),
                "the game thread runs the transitions");
        home.settings("{\"AdminResources\": [\"ll-admin\"], \"ResourceTimeouts\": {\"Start\": "
                + START_TIMEOUT.toSeconds() + ", \"Stop\": " + START_TIMEOUT.toSeconds() + "}}");
        home.folder("ll-target", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.awaitListed("ll-target");
        LuaFolders.deploy(home, "ll-admin", WATCHER);
        home.service.start("ll-admin");
    }

    @AfterEach
    void cleanUp() throws IOException {
        events.close();
        home.close();
    }

    @Test
    void aScriptStartsAndStopsAResourceFromOffTheGameThreadWhileItHandlesTheLifecycleEvents() {
        long begin = System.nanoTime();

        assertEquals("none", call("Start", "ll-target"));
        assertEquals(ResourceState.STARTED, home.service.info("ll-target").state());
        assertEquals("none", call("Stop", "ll-target"));
        assertEquals(ResourceState.STOPPED, home.service.info("ll-target").state());

        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        assertTrue(took.compareTo(START_TIMEOUT) < 0, "no call waited for its timeout: " + took);
        assertEquals(List.of("ll-admin:seen {seen=resource:started ll-admin}",
                "ll-admin:seen {seen=resource:started ll-target}", "ll-admin:result {err=none}",
                "ll-admin:seen {seen=resource:stopped ll-target}", "ll-admin:result {err=none}"),
                events.lines(), "the script saw each event while its call waited, then the call returned");
    }

    @Test
    void aScriptRestartsItselfFromOffTheGameThread() {
        assertEquals("none", call("Start", "ll-target"));

        // The restart stops the calling script, so its call cannot report back: the new script's events tell.
        events.bus().post("ll:call", Map.of("operation", "Restart", "target", "ll-admin"));

        String restarted = "ll-admin:seen {seen=resource:started ll-admin}";
        ResourceHome.await(() -> events.lines().stream().filter(restarted::equals).count() == 2
                ? Optional.of(true) : Optional.empty(), "ll-admin started again: " + events.lines());
        assertEquals(ResourceState.STARTED, home.service.info("ll-admin").state());
        assertEquals("none", call("Stop", "ll-target"), "the restarted script runs its handlers");
    }

    @Test
    void aNameNoResourceCanHaveIsRefusedForWhatItIsRatherThanNotFound() {
        assertEquals("ERR_INVALID_NAME", call("Start", "bad name"));
        assertEquals("ERR_INVALID_NAME", call("Stop", "../ll-target"));
        assertEquals("ERR_NAME_TOO_LONG", call("Start", "n".repeat(70)));
        assertEquals("ERR_NAME_TOO_LONG", call("Restart", "n".repeat(65)));
        assertEquals("ERR_NOT_FOUND", call("Start", "n".repeat(64)), "64 characters is a name, of nothing here");
    }

    @Test
    void aLifecycleCallFromACoroutineOfAGameThreadTaskIsRefusedWithoutADeadlock() {
        assertEquals("none", call("Start", "ll-target"));
        int before = events.lines().size();

        events.bus().post("ll:task-coroutine", Map.of("target", "ll-target"));

        // Without the refusal the call waits for the game thread, which waits for the coroutine: ERR_START_TIMEOUT.
        assertEquals(RESULT + "ERR_DETERMINISTIC_POLICY}", events.awaitCount(before + 1).get(before));
        assertEquals(ResourceState.STARTED, home.service.info("ll-target").state(), "nothing was restarted");
    }

    /** Has the script call {@code Resource.<operation>(target)} from this thread; returns the error code it got. */
    private String call(String operation, String target) {
        events.bus().post("ll:call", Map.of("operation", operation, "target", target));
        String result = events.lines().getLast();
        assertTrue(result.startsWith(RESULT), "the handler ran on the posting thread: " + events.lines());
        return result.substring(RESULT.length(), result.length() - 1);
    }
}

package dev.plinth.lang.lua.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * A host function that waits for another thread through {@link LuaScript#awaitReleased}, as {@code Resource.Start}
 * waits for the game thread: the thread it waits for may call into the same resource meanwhile (the game thread
 * delivering {@code resource:started} to the script), and the waiting call goes on with its own budget afterwards.
 */
class ReleasedWaitTest {

    private static final Duration DEADLOCK = Duration.ofSeconds(10);

    private final ExecutorService game = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("test-game-thread").factory());
    private final TestScripts scripts = new TestScripts();

    @AfterEach
    void stopTheGameThread() {
        game.shutdownNow();
    }

    /** {@code wait_for_game()}: the game thread calls the script's {@code on_event} while the caller waits for it. */
    private LuaScript scriptWithGameWait(TestScripts.Mode mode, Limits limits) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", """
                seen = {}
                function on_event(name) seen[#seen + 1] = name end
                function call_game()
                  wait_for_game()
                  local n = 0
                  for i = 1, 1000 do n = n + 1 end
                  return table.concat(seen, ",") .. ":" .. n
                end
                """), limits, () -> 0);
        script.globals().rawset("wait_for_game", LuaFunctions.of(args -> script.awaitReleased(() -> {
            CompletableFuture.runAsync(() -> script.call(Budget.CALL, script.globals().get("on_event"),
                    LuaValue.valueOf("started")), game).join();
            return LuaValue.NONE;
        })));
        script.run("main.lua");
        return script;
    }

    @ParameterizedTest
    @EnumSource(TestScripts.Mode.class)
    void theThreadACallWaitsForMayCallIntoTheSameResource(TestScripts.Mode mode) {
        LuaScript script = scriptWithGameWait(mode, Limits.defaults());

        String result = assertTimeoutPreemptively(DEADLOCK, () ->
                script.call(Budget.CALL, script.globals().get("call_game"), LuaValue.NONE).arg1().tojstring());

        assertEquals("started:1000", result);
    }

    @Test
    void aNestedCallReleasesTheResourceToo() {
        LuaScript script = scriptWithGameWait(TestScripts.Mode.INTERPRETED, Limits.defaults());
        script.globals().rawset("host_calls_back", LuaFunctions.of(args ->
                script.call(Budget.CALL, script.globals().get("call_game"), LuaValue.NONE)));

        String result = assertTimeoutPreemptively(DEADLOCK, () ->
                script.call(Budget.CALL, script.globals().get("host_calls_back"), LuaValue.NONE).arg1().tojstring());

        assertEquals("started:1000", result);
    }

    @Test
    void outsideACallTheWorkJustRuns() {
        LuaScript script = scripts.script(TestScripts.Mode.INTERPRETED, Map.of());

        assertEquals("done", script.awaitReleased(() -> "done"));
    }
}

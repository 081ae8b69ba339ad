package dev.plinth.lang.lua.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * The wall-clock bound holds whatever the instruction budget says: an attacker who raised every budget to the
 * maximum and spins (in a handler, in its main chunk, under pcall) is interrupted by the watchdog.
 */
class WallClockTest {

    private static final long HUGE = Long.MAX_VALUE / 4;
    private static final Limits UNBOUNDED_BUDGETS = Limits.defaults().withInstructionsPerCall(HUGE)
            .withInstructionsPerTick(HUGE).withInstructionsPerStart(HUGE)
            .withSandbox(SandboxLimits.DEFAULTS.withTimeouts(Duration.ofMillis(100), Duration.ofMillis(200),
                    Duration.ofMillis(100)));

    private final TestScripts scripts = new TestScripts();

    private LuaScript script(Mode mode, String main) {
        return scripts.script(mode, Map.of("main.lua", main), UNBOUNDED_BUDGETS, () -> 1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSpinningHandlerIsInterruptedByTheClock(Mode mode) {
        LuaScript script = script(mode, "function handler() while true do end end");
        script.run("main.lua");
        var aborted = assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
        assertEquals(Limit.WALL_CLOCK, aborted.limit());
        assertTrue(aborted.getMessage().contains("wall-clock bound exceeded (ran for "), aborted.getMessage());
        assertTrue(aborted.getMessage().contains("past its wall-clock bound of 100 ms"), aborted.getMessage());
        assertFalse(aborted.fatal(), "one offence");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallCannotSwallowTheInterrupt(Mode mode) {
        LuaScript script = script(mode, """
                function handler()
                  for i = 1, 100 do pcall(function() while true do end end) end
                  done = true
                end
                """);
        script.run("main.lua");
        var aborted = assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
        assertEquals(Limit.WALL_CLOCK, aborted.limit());
        assertTrue(script.globals().get("done").isnil());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSpinningMainChunkIsInterruptedAtItsStartBound(Mode mode) {
        LuaScript script = script(mode, "local t = {} while true do t.x = 1 end");
        var aborted = assertThrows(ScriptLimitException.class, () -> script.run("main.lua"));
        assertEquals(Limit.WALL_CLOCK, aborted.limit());
        assertTrue(aborted.getMessage().contains("past its wall-clock bound of 200 ms"), aborted.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void repeatedOverrunsStopTheResource(Mode mode) {
        LuaScript script = script(mode, "function handler() while true do end end");
        script.run("main.lua");
        for (int offence = 1; offence <= 3; offence++) {
            var aborted = assertThrows(ScriptLimitException.class,
                    () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
            assertEquals(offence == 3, aborted.fatal());
        }
        assertEquals(1, scripts.fatal.size());
        assertTrue(script.isClosed());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theClockStopsLibraryCodeToo(Mode mode) {
        LuaScript script = script(mode, "function handler() return ('a'):rep(20000):find('.-.-.-.-b') end");
        script.run("main.lua");
        var aborted = assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
        assertEquals(Limit.WALL_CLOCK, aborted.limit());
    }
}

package dev.plinth.lang.lua.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

class LimitsTest {

    private static final Limits SMALL = Limits.defaults().withInstructionsPerCall(200_000).withInstructionsPerTick(500_000);

    private final TestScripts scripts = new TestScripts();
    private final AtomicLong tick = new AtomicLong();

    private LuaScript script(Mode mode, String main) {
        return scripts.script(mode, Map.of("main.lua", main), SMALL, tick::get);
    }

    private static ScriptLimitException callHandler(LuaScript script, String name) {
        return assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get(name), LuaValue.NONE));
    }

    private static ScriptRuntimeException callFailing(LuaScript script, String name) {
        return assertThrows(ScriptRuntimeException.class,
                () -> script.call(Budget.CALL, script.globals().get(name), LuaValue.NONE));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void whileTrueInHandlerIsAborted(Mode mode) {
        LuaScript script = script(mode, "function handler() while true do end end");
        script.run("main.lua");
        long start = System.nanoTime();
        var aborted = callHandler(script, "handler");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Limit.CALL_INSTRUCTIONS, aborted.limit());
        assertEquals("main.lua", aborted.failure().file());
        assertEquals(1, aborted.failure().line());
        assertFalse(aborted.fatal());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "aborted after " + took);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallCannotSwallowABrokenBudget(Mode mode) {
        LuaScript script = script(mode, """
                function handler()
                  for i = 1, 10 do pcall(function() while true do end end) end
                  done = true
                end
                """);
        script.run("main.lua");
        callHandler(script, "handler");
        assertTrue(script.globals().get("done").isnil());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void repeatedOffencesStopTheResource(Mode mode) {
        LuaScript script = script(mode, "function handler() while true do end end");
        script.run("main.lua");
        for (int offence = 1; offence <= SMALL.maxOffences(); offence++) {
            tick.incrementAndGet();
            var aborted = callHandler(script, "handler");
            assertEquals(offence, aborted.offences());
            assertEquals(offence == SMALL.maxOffences(), aborted.fatal());
        }
        assertEquals(1, scripts.fatal.size());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callsOfOneTickShareTheTickBudget(Mode mode) {
        LuaScript script = script(mode, "function work() local s = 0 for i = 1, 30000 do s = s + i end return s end");
        script.run("main.lua");
        tick.incrementAndGet();
        int completed = 0;
        ScriptLimitException aborted = null;
        for (int i = 0; i < 100 && aborted == null; i++) {
            try {
                script.call(Budget.CALL, script.globals().get("work"), LuaValue.NONE);
                completed++;
            } catch (ScriptLimitException e) {
                aborted = e;
            }
        }
        assertTrue(aborted != null && aborted.limit() == Limit.TICK_INSTRUCTIONS, "tick budget never ran out");
        assertTrue(completed > 1 && completed < 100, completed + " calls completed");
        var again = callHandler(script, "work");
        assertEquals(aborted.offences(), again.offences(), "one offence per tick");
        tick.incrementAndGet();
        script.call(Budget.CALL, script.globals().get("work"), LuaValue.NONE);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hugeStringRepStopsTheResource(Mode mode) {
        LuaScript script = script(mode, "function handler() return string.rep('x', 1e9) end");
        script.run("main.lua");
        var stopped = callHandler(script, "handler");
        assertEquals(Limit.MEMORY, stopped.limit());
        assertTrue(stopped.fatal());
        assertEquals(1, scripts.fatal.size());
        callFailing(script, "handler");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hugeRepAsAStringMethodIsBoundedToo(Mode mode) {
        LuaScript script = script(mode, "function handler() return ('xy'):rep(2^40) end");
        script.run("main.lua");
        assertEquals(Limit.MEMORY, callHandler(script, "handler").limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void growingTableBreaksTheMemoryLimit(Mode mode) {
        LuaScript script = scripts.script(mode, Map.of("main.lua",
                "function handler() local t = {} while true do t[#t + 1] = {1, 2, 3, 4} end end"),
                SMALL.withInstructionsPerCall(Long.MAX_VALUE / 4).withInstructionsPerTick(Long.MAX_VALUE / 2)
                        .withMaxCallAllocMb(8), tick::get);
        script.run("main.lua");
        assertEquals(Limit.MEMORY, callHandler(script, "handler").limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hugeConcatFailsBeforeAllocating(Mode mode) {
        LuaScript script = script(mode, """
                function concat() local t = {} for i = 1, 100 do t[i] = 'x' end return table.concat(t, string.rep('y', 1e6)) end
                """);
        script.run("main.lua");
        assertEquals(Limit.MEMORY, callHandler(script, "concat").limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hugeUnpackIsRefused(Mode mode) {
        LuaScript script = script(mode, "function unpack() return table.unpack({}, 1, 1e8) end");
        script.run("main.lua");
        var thrown = callFailing(script, "unpack");
        assertTrue(thrown.getMessage().contains("too many results to unpack"), thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void infiniteRecursionIsAStackOverflowError(Mode mode) {
        LuaScript script = script(mode, "local function f(n) return 1 + f(n + 1) end function handler() return f(1) end");
        script.run("main.lua");
        var thrown = callFailing(script, "handler");
        assertTrue(thrown.getMessage().contains("stack overflow"), thrown.getMessage());
    }

    /** Compiled code checks its budget where a function is entered, before the function's first line. */
    @Test
    void aBudgetBrokenWhereACompiledFunctionIsEnteredNamesALine() {
        LuaScript script = script(Mode.COMPILED, """
                local function deeper() return deeper() + 1 end
                function handler() for i = 1, 1e6 do pcall(deeper) end end
                """);
        script.run("main.lua");
        var aborted = callHandler(script, "handler");
        assertEquals(Limit.CALL_INSTRUCTIONS, aborted.limit());
        assertEquals("main.lua", aborted.failure().file());
        assertTrue(aborted.failure().line() >= 1, aborted.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void endlessTailCallsAreAborted(Mode mode) {
        LuaScript script = script(mode, "local function f() return f() end function handler() return f() end");
        script.run("main.lua");
        assertEquals(Limit.CALL_INSTRUCTIONS, callHandler(script, "handler").limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void loopInsideACoroutineIsAborted(Mode mode) {
        LuaScript script = script(mode, """
                function handler()
                  local co = coroutine.create(function() while true do end end)
                  local ok, err = coroutine.resume(co)
                  while true do end
                end
                """);
        script.run("main.lua");
        assertEquals(Limit.CALL_INSTRUCTIONS, callHandler(script, "handler").limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void coroutinesAreLimitedInNumber(Mode mode) {
        LuaScript script = script(mode, """
                function handler()
                  local list = {}
                  for i = 1, 40 do
                    local co = coroutine.create(function() coroutine.yield() end)
                    local ok, err = coroutine.resume(co)
                    if not ok then return i .. ': ' .. err end
                    list[i] = co
                  end
                  return 'all started'
                end
                """);
        script.run("main.lua");
        String result = script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE).arg1().tojstring();
        assertEquals("17: too many coroutines alive (limit 16)", result);
        script.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void mainChunkHasTheStartBudget(Mode mode) {
        LuaScript script = script(mode, "local s = 0 for i = 1, 300000 do s = s + i end result = s");
        script.run("main.lua");
        assertEquals(45000150000L, script.globals().get("result").tolong());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void closedScriptRefusesCalls(Mode mode) {
        LuaScript script = script(mode, "function handler() return 1 end");
        script.run("main.lua");
        script.close();
        var thrown = callFailing(script, "handler");
        assertTrue(thrown.getMessage().contains("stopped"), thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unpackRangesAreSizedWithoutOverflow(Mode mode) {
        LuaScript script = script(mode, """
                function huge() return table.unpack({}, -2^63, 2^32 + 1.5e8) end
                function wrapped() return select('#', table.unpack({}, 2^31 - 2, 2^31 + 1)) end
                function empty() return select('#', table.unpack({}, 5, 1)) end
                """);
        script.run("main.lua");
        var thrown = callFailing(script, "huge");
        assertTrue(thrown.getMessage().contains("too many results to unpack"), thrown.getMessage());
        assertEquals(4, script.call(Budget.CALL, script.globals().get("wrapped"), LuaValue.NONE).toint(1));
        assertEquals(0, script.call(Budget.CALL, script.globals().get("empty"), LuaValue.NONE).toint(1));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aHugeConcatRangeIsStoppedByTheBudget(Mode mode) {
        LuaScript script = script(mode, "function concat() return table.concat({}, '', -2^62, 2^62) end");
        script.run("main.lua");
        var thrown = callFailing(script, "concat");
        assertTrue(thrown.getMessage().contains("invalid value (at index"), thrown.getMessage());
        LuaScript filled = script(mode, """
                local t = setmetatable({}, {__index = function() return 'x' end})
                function concat() return table.concat(t, '', 1, 2^40) end
                """);
        filled.run("main.lua");
        assertEquals(Limit.CALL_INSTRUCTIONS, callHandler(filled, "concat").limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void doublingAStringIsRefusedBeforeTheAllocation(Mode mode) {
        LuaScript twice = script(mode, "function grow() local s = string.rep('x', 1e6) while true do s = s .. s end end");
        LuaScript thrice = script(mode, "function grow() local s = string.rep('x', 1e6) while true do s = s .. s .. s end end");
        for (LuaScript script : new LuaScript[] {twice, thrice}) {
            script.run("main.lua");
            var stopped = callHandler(script, "grow");
            assertEquals(Limit.MEMORY, stopped.limit());
            assertTrue(stopped.getMessage().contains("a single allocation of "), stopped.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void creatingCoroutinesIsCharged(Mode mode) {
        LuaScript script = script(mode, "function handler() for i = 1, 1e7 do coroutine.wrap(function() end)() end end");
        script.run("main.lua");
        assertEquals(Limit.CALL_INSTRUCTIONS, callHandler(script, "handler").limit());
    }
}

package dev.plinth.lang.lua.internal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * Attacks the sandbox already held when it was tried as an attacker would, kept as regression tests: one resource's
 * globals are not another's, and {@code __tostring} loops end as errors or broken budgets, never as a stuck thread.
 */
class HeldAttacksTest {

    private final TestScripts scripts = new TestScripts();

    private LuaScript started(Mode mode, String main) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", main));
        script.run("main.lua");
        return script;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneResourcesGlobalsAreNotAnothers(Mode mode) {
        LuaScript victim = started(mode, "secret = 'hunter2' function get() return secret end");
        LuaScript attacker = started(mode, "secret = 'mine' print = nil function peek() return tostring(secret) end");
        assertEquals("mine", attacker.call(Budget.CALL, attacker.globals().get("peek"), LuaValue.NONE).tojstring(1));
        assertEquals("hunter2", victim.call(Budget.CALL, victim.globals().get("get"), LuaValue.NONE).tojstring(1));
        assertTrue(victim.globals().get("print").isfunction(), "the attacker's globals are its own");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aToStringThatCallsItselfIsAStackOverflowError(Mode mode) {
        LuaScript script = started(mode, """
                local t = setmetatable({}, {__tostring = function(self) return tostring(self) end})
                function handler() return pcall(tostring, t) end
                """);
        var result = script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE);
        assertEquals(false, result.arg1().toboolean());
        assertTrue(result.arg(2).tojstring().contains("stack overflow"), result.arg(2).tojstring());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aToStringThatLoopsRunsOutOfBudget(Mode mode) {
        LuaScript script = started(mode, """
                local t = setmetatable({}, {__tostring = function(self) while true do end end})
                function handler() print(t) end
                """);
        var aborted = assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
        assertEquals(Limit.CALL_INSTRUCTIONS, aborted.limit());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aMessageHandlerThatFailsIsAnErrorInErrorHandling(Mode mode) {
        LuaScript script = started(mode, """
                function handler()
                  local a, b = xpcall(function() error('first') end, function(m) error('second') end)
                  local function deeper(n) return 1 + deeper(n + 1) end
                  local c, d = xpcall(function() error('first') end, function(m) return deeper(1) end)
                  local e, f = xpcall(function() return deeper(1) end, function(m) return deeper(1) end)
                  return tostring(a) .. '|' .. tostring(b), tostring(c) .. '|' .. tostring(d),
                    tostring(e) .. '|' .. tostring(f), select('#', xpcall(error, function(m) return 1, 2 end))
                end
                """);
        var result = script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE);
        assertEquals("false|error in error handling (main.lua:2: second)", result.tojstring(1));
        for (int i = 2; i <= 3; i++) {
            assertTrue(result.tojstring(i).startsWith("false|error in error handling ("), result.tojstring(i));
            assertTrue(result.tojstring(i).contains("stack overflow"), result.tojstring(i));
        }
        assertEquals(2, result.arg(4).toint(), "false and the handler's first value");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void handlersThatOverflowWithinHandlersEndAndLeaveTheResourceWhole(Mode mode) {
        LuaScript script = started(mode, """
                local function deeper(n) return 1 + deeper(n + 1) end
                local function h(m) return select(2, xpcall(deeper, h, 1)) end
                function handler()
                  local ok, err = xpcall(deeper, h, 1)
                  return tostring(ok) .. '|' .. tostring(err)
                end
                function after() return 'still here' end
                """);
        String result = script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE).tojstring(1);
        assertTrue(result.startsWith("false|"), result);
        assertTrue(result.contains("error in error handling"), result);
        assertEquals("still here", script.call(Budget.CALL, script.globals().get("after"), LuaValue.NONE).tojstring(1));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aLongDateFormatRunsOutOfBudgetBeforeItRuns(Mode mode) {
        LuaScript script = started(mode, """
                function handler() return #os.date(string.rep('%c', 512 * 1024)) end
                function today() return os.date('%Y-%m-%d %H:%M:%S') end
                """);
        var aborted = assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
        assertEquals(Limit.CALL_INSTRUCTIONS, aborted.limit(), aborted.getMessage());
        assertEquals(19, script.call(Budget.CALL, script.globals().get("today"), LuaValue.NONE).tojstring(1).length());
    }
}

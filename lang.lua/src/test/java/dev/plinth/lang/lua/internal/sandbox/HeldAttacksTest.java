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
}

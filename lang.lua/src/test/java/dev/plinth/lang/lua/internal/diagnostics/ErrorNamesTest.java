package dev.plinth.lang.lua.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/** What a resource's owner reads when Lua code indexes, calls or computes with a value it cannot. */
class ErrorNamesTest {

    private final TestScripts scripts = new TestScripts();

    private String failure(Mode mode, String main) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", main));
        return assertThrows(ScriptRuntimeException.class, () -> script.run("main.lua")).getMessage();
    }

    private String handlerFailure(Mode mode, String main) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", main));
        script.run("main.lua");
        return assertThrows(ScriptRuntimeException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE)).getMessage();
    }

    private String returned(Mode mode, String main) {
        return scripts.script(mode, Map.of("main.lua", main)).run("main.lua").arg1().tojstring();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilGlobalNamesTheGlobal(Mode mode) {
        assertEquals("test: main.lua:2: attempt to index a nil value (global 'player')",
                failure(mode, "local x = 1\nlocal name = player.name\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilLocalNamesTheLocal(Mode mode) {
        assertEquals("test: main.lua:2: attempt to index a nil value (local 'cfg')",
                failure(mode, "local cfg = nil\nprint(cfg.port)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilFieldNamesTheField(Mode mode) {
        assertEquals("test: main.lua:3: attempt to index a nil value (field 'inventory')",
                failure(mode, "local player = {}\n\nplayer.inventory.slots = 3\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilUpvalueNamesTheUpvalue(Mode mode) {
        assertEquals("test: main.lua:3: attempt to index a nil value (upvalue 'state')",
                handlerFailure(mode, "local state\nfunction handler()\n  return state.count\nend\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callingAMissingMethodNamesTheMethod(Mode mode) {
        assertEquals("test: main.lua:2: attempt to call a nil value (method 'send')",
                failure(mode, "local player = {}\nplayer:send('hi')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callingAMissingGlobalNamesTheGlobal(Mode mode) {
        assertEquals("test: main.lua:1: attempt to call a nil value (global 'greet')",
                failure(mode, "greet('hi')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void arithmeticOnANilFieldNamesTheField(Mode mode) {
        assertEquals("test: main.lua:2: attempt to perform arithmetic on a nil value (field 'count')",
                failure(mode, "local stack = {}\nlocal more = stack.count + 1\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void arithmeticNamesTheOperandThatIsNotANumber(Mode mode) {
        assertEquals("test: main.lua:1: attempt to perform arithmetic on a nil value (local 'b')",
                failure(mode, "local a, b = 2, nil return a * b\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void concatenatingANilLocalNamesTheLocal(Mode mode) {
        assertEquals("test: main.lua:2: attempt to concatenate a nil value (local 's')",
                failure(mode, "local s\nprint('name: ' .. s)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void takingTheLengthOfANilGlobalNamesTheGlobal(Mode mode) {
        assertEquals("test: main.lua:1: attempt to get length of a nil value (global 'players')",
                failure(mode, "return #players\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aValueWithoutANameIsStillSaidClearly(Mode mode) {
        assertEquals("test: main.lua:2: attempt to index a nil value",
                failure(mode, "local function none() return nil end\nreturn none().field\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallReturnsTheNamedMessage(Mode mode) {
        assertEquals("main.lua:2: attempt to index a nil value (global 'config')",
                returned(mode, "local ok, err = pcall(function()\n  return config.port\nend)\nreturn err\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anErrorRaisedInsideACalledFunctionIsNotBlamedOnTheCall(Mode mode) {
        assertEquals("test: main.lua:1: attempt to call nil", failure(mode, "error('attempt to call nil')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void concatenatingSeveralValuesNamesTheOneThatIsNotAString(Mode mode) {
        assertEquals("test: main.lua:2: attempt to concatenate a nil value (local 'hp')",
                failure(mode, "local hp, max = nil, 10\nprint('health: ' .. hp .. '/' .. max)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void functionsTheSandboxLeavesOutAreNamed(Mode mode) {
        assertEquals("test: main.lua:2: attempt to call a nil value (field 'execute')",
                failure(mode, "print('starting')\nos.execute('touch pwned')\n"));
        assertEquals("test: main.lua:1: attempt to call a nil value (global 'load')",
                failure(mode, "local f = load('return 1')\n"));
        assertEquals("test: main.lua:1: attempt to index a nil value (global 'io')",
                failure(mode, "io.open('/etc/passwd')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void xpcallsHandlerGetsTheNamedMessage(Mode mode) {
        assertEquals("handled: main.lua:3: attempt to concatenate a nil value (global 'missing')",
                returned(mode, "local ok, err = xpcall(function()\n  local n = 1\n  return n .. missing\nend,\n"
                        + "  function(m) return 'handled: ' .. m end)\nreturn err\n"));
    }

    @Test
    void theInterpreterNamesTheValueItFailedOnWhereALineHasSeveral() {
        assertEquals("test: main.lua:2: attempt to index a nil value (local 'b')",
                failure(Mode.INTERPRETED, "local a, b = {x = 1}, nil\nreturn a.x + b.y\n"));
    }

    @Test
    void compiledCodeNamesNoneWhereTheLineLeavesSeveralCandidates() {
        assertEquals("test: main.lua:2: attempt to index a nil value",
                failure(Mode.COMPILED, "local a, b = {x = 1}, nil\nreturn a.x + b.y\n"));
    }
}

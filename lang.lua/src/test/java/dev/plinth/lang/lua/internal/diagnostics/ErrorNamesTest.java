package dev.plinth.lang.lua.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a resource's owner reads when Lua code indexes, calls or computes with a value it cannot. */
class ErrorNamesTest {

    private final ScriptOutcomes outcomes = new ScriptOutcomes();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilGlobalNamesTheGlobal(Mode mode) {
        assertEquals("test: main.lua:2: attempt to index a nil value (global 'player')",
                outcomes.failure(mode, "local x = 1\nlocal name = player.name\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilLocalNamesTheLocal(Mode mode) {
        assertEquals("test: main.lua:2: attempt to index a nil value (local 'cfg')",
                outcomes.failure(mode, "local cfg = nil\nprint(cfg.port)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilFieldNamesTheField(Mode mode) {
        assertEquals("test: main.lua:3: attempt to index a nil value (field 'inventory')",
                outcomes.failure(mode, "local player = {}\n\nplayer.inventory.slots = 3\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexingANilUpvalueNamesTheUpvalue(Mode mode) {
        assertEquals("test: main.lua:3: attempt to index a nil value (upvalue 'state')",
                outcomes.handlerFailure(mode, "local state\nfunction handler()\n  return state.count\nend\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callingAMissingMethodNamesTheMethod(Mode mode) {
        assertEquals("test: main.lua:2: attempt to call a nil value (method 'send')",
                outcomes.failure(mode, "local player = {}\nplayer:send('hi')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callingAMissingGlobalNamesTheGlobal(Mode mode) {
        assertEquals("test: main.lua:1: attempt to call a nil value (global 'greet')",
                outcomes.failure(mode, "greet('hi')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void arithmeticOnANilFieldNamesTheField(Mode mode) {
        assertEquals("test: main.lua:2: attempt to perform arithmetic on a nil value (field 'count')",
                outcomes.failure(mode, "local stack = {}\nlocal more = stack.count + 1\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void arithmeticNamesTheOperandThatIsNotANumber(Mode mode) {
        assertEquals("test: main.lua:1: attempt to perform arithmetic on a nil value (local 'b')",
                outcomes.failure(mode, "local a, b = 2, nil return a * b\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void concatenatingANilLocalNamesTheLocal(Mode mode) {
        assertEquals("test: main.lua:2: attempt to concatenate a nil value (local 's')",
                outcomes.failure(mode, "local s\nprint('name: ' .. s)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void takingTheLengthOfANilGlobalNamesTheGlobal(Mode mode) {
        assertEquals("test: main.lua:1: attempt to get length of a nil value (global 'players')",
                outcomes.failure(mode, "return #players\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aValueWithoutANameIsStillSaidClearly(Mode mode) {
        assertEquals("test: main.lua:2: attempt to index a nil value",
                outcomes.failure(mode, "local function none() return nil end\nreturn none().field\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallReturnsTheNamedMessage(Mode mode) {
        assertEquals("main.lua:2: attempt to index a nil value (global 'config')",
                outcomes.returned(mode, "local ok, err = pcall(function()\n  return config.port\nend)\nreturn err\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anErrorRaisedInsideACalledFunctionIsNotBlamedOnTheCall(Mode mode) {
        assertEquals("test: main.lua:1: attempt to call nil", outcomes.failure(mode, "error('attempt to call nil')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void concatenatingSeveralValuesNamesTheOneThatIsNotAString(Mode mode) {
        assertEquals("test: main.lua:2: attempt to concatenate a nil value (local 'hp')",
                outcomes.failure(mode, "local hp, max = nil, 10\nprint('health: ' .. hp .. '/' .. max)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void functionsTheSandboxLeavesOutAreNamed(Mode mode) {
        assertEquals("test: main.lua:2: attempt to call a nil value (field 'execute')",
                outcomes.failure(mode, "print('starting')\nos.execute('touch pwned')\n"));
        assertEquals("test: main.lua:1: attempt to call a nil value (global 'load')",
                outcomes.failure(mode, "local f = load('return 1')\n"));
        assertEquals("test: main.lua:1: attempt to index a nil value (global 'io')",
                outcomes.failure(mode, "io.open('/etc/passwd')\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void xpcallsHandlerGetsTheNamedMessage(Mode mode) {
        assertEquals("handled: main.lua:3: attempt to concatenate a nil value (global 'missing')",
                outcomes.returned(mode,
                        "local ok, err = xpcall(function()\n  local n = 1\n  return n .. missing\nend,\n"
                        + "  function(m) return 'handled: ' .. m end)\nreturn err\n"));
    }

    @Test
    void theInterpreterNamesTheValueItFailedOnWhereALineHasSeveral() {
        assertEquals("test: main.lua:2: attempt to index a nil value (local 'b')",
                outcomes.failure(Mode.INTERPRETED, "local a, b = {x = 1}, nil\nreturn a.x + b.y\n"));
    }

    @Test
    void compiledCodeNamesNoneWhereTheLineLeavesSeveralCandidates() {
        assertEquals("test: main.lua:2: attempt to index a nil value",
                outcomes.failure(Mode.COMPILED, "local a, b = {x = 1}, nil\nreturn a.x + b.y\n"));
    }
}

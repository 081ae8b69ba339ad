package dev.plinth.lang.lua.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where an error says it happened, as PUC Lua 5.2+ says it (and as FiveM and MTA scripts parse it):
 * {@code main.lua:2: kaboom} for {@code error("kaboom")}, the caller's line for level 2, no location for level 0 or a
 * value that is not a string, and the line of a tail call that calls nil (in interpreted code; code LuaJC compiled
 * still places it at the line of the call that evaluated the tail call, or nowhere).
 */
class ErrorLocationsTest {

    private final ScriptOutcomes outcomes = new ScriptOutcomes();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallReturnsTheErrorWithItsLineAndAColon(Mode mode) {
        assertEquals("main.lua:2: kaboom",
                outcomes.returned(mode, "local ok, err = pcall(function()\n  error('kaboom')\nend)\nreturn err\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void xpcallsHandlerGetsTheErrorWithItsLine(Mode mode) {
        assertEquals("handled: main.lua:3: kaboom",
                outcomes.returned(mode, "local ok, err = xpcall(function()\n  local n = 1\n  error('kaboom')\nend,\n"
                        + "  function(m) return 'handled: ' .. m end)\nreturn err\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void levelTwoNamesTheCallersLine(Mode mode) {
        assertEquals("main.lua:5: bad port",
                outcomes.returned(mode, "local function check(port)\n  error('bad port', 2)\nend\n"
                        + "local ok, err = pcall(function()\n  check(-1)\nend)\nreturn err\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void levelTwoNamesTheCallersLineInTheResourcesFailure(Mode mode) {
        assertEquals("test: main.lua:4: bad port",
                outcomes.failure(mode, "local function check(port)\n  error('bad port', 2)\nend\ncheck(-1)\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void levelZeroCarriesNoLocation(Mode mode) {
        assertEquals("plain",
                outcomes.returned(mode, "local ok, err = pcall(function()\n  error('plain', 0)\nend)\nreturn err\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aTableIsReturnedAsItIs(Mode mode) {
        assertEquals("table 1", outcomes.returned(mode,
                "local ok, err = pcall(function()\n  error({code = 1})\nend)\nreturn type(err) .. ' ' .. err.code\n"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallOfNilCarriesNoLocation(Mode mode) {
        assertEquals("attempt to call a nil value",
                outcomes.returned(mode, "local ok, err = pcall(nil)\nreturn err\n"));
    }

    @Test
    void aTailCallOfNilNamesItsLineInTheResourcesFailure() {
        assertEquals("test: main.lua:3: attempt to call a nil value (method 'nope')",
                outcomes.handlerFailure(Mode.INTERPRETED,
                        "local s = {}\nfunction handler()\n  return s:nope()\nend\n"));
    }

    @Test
    void aTailCallOfNilInTheMainChunkNamesItsLine() {
        assertEquals("test: main.lua:2: attempt to call a nil value (global 'missing')",
                outcomes.failure(Mode.INTERPRETED, "local x = 1\nreturn missing(x)\n"));
    }

    @Test
    void pcallOfATailCallOfNilNamesItsLine() {
        assertEquals("main.lua:3: attempt to call a nil value (method 'nope')",
                outcomes.returned(Mode.INTERPRETED,
                        "local s = {}\nlocal ok, err = pcall(function()\n  return s:nope()\nend)\nreturn err\n"));
    }

    @Test
    void aTailCallOfNilCalledFromLuaNamesTheTailCallsLine() {
        assertEquals("main.lua:3: attempt to call a nil value (method 'nope')",
                outcomes.returned(Mode.INTERPRETED, "local s = {}\nlocal function welcome()\n  return s:nope()\nend\n"
                        + "local ok, err = pcall(function()\n  local r = welcome()\n  return r\nend)\nreturn err\n"));
    }
}

package dev.plinth.lang.lua.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

class ErrorsTest {

    private final TestScripts scripts = new TestScripts();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void runtimeErrorNamesResourceFileAndLineWithTraceback(Mode mode) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", """
                local function inner(t)
                  return t.missing.field
                end
                function handler()
                  local result = inner({})
                  return result
                end
                """));
        script.run("main.lua");
        var thrown = assertThrows(ScriptRuntimeException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE));
        ScriptFailure failure = thrown.failure();
        assertEquals("test", failure.resource());
        assertEquals("main.lua", failure.file());
        assertEquals(2, failure.line());
        assertTrue(thrown.getMessage().startsWith("test: main.lua:2: "), thrown.getMessage());
        assertTrue(failure.traceback().startsWith("stack traceback:"), failure.traceback());
        assertTrue(failure.traceback().contains("main.lua:5"), failure.traceback());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void errorInARequiredModuleNamesTheModuleFile(Mode mode) {
        LuaScript script = scripts.script(mode, Map.of(
                "main.lua", "local util = require('util')\nutil.explode()",
                "util.lua", "local M = {}\n\nfunction M.explode()\n  error('kaboom')\nend\nreturn M"));
        var thrown = assertThrows(ScriptRuntimeException.class, () -> script.run("main.lua"));
        assertEquals("util.lua", thrown.failure().file());
        assertEquals(4, thrown.failure().line());
        assertTrue(thrown.failure().message().contains("kaboom"), thrown.failure().message());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void syntaxErrorNamesFileAndLine(Mode mode) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", "local x = 1\nlocal y = = 2\n"));
        var thrown = assertThrows(ScriptLoadException.class, () -> script.load("main.lua"));
        assertEquals("main.lua", thrown.failure().file());
        assertEquals(2, thrown.failure().line());
        assertTrue(thrown.getMessage().startsWith("test: main.lua:2: "), thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void missingMainFileIsALoadError(Mode mode) {
        LuaScript script = scripts.script(mode, Map.of());
        var thrown = assertThrows(ScriptLoadException.class, () -> script.load("main.lua"));
        assertEquals("test: main.lua:0: no such file in the resource", thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void failingHandlerLeavesTheStateUsable(Mode mode) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", "count = 0\nfunction bad() count = count + 1; error('no') end"));
        script.run("main.lua");
        for (int i = 0; i < 3; i++) {
            assertThrows(ScriptRuntimeException.class,
                    () -> script.call(Budget.CALL, script.globals().get("bad"), LuaValue.NONE));
        }
        assertEquals(3, script.globals().get("count").toint());
    }
}

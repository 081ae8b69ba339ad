package dev.plinth.lang.lua.internal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptLoadException;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxTest {

    private final TestScripts scripts = new TestScripts();

    private String eval(Mode mode, String code) {
        return eval(mode, Map.of("main.lua", code));
    }

    private String eval(Mode mode, Map<String, String> files) {
        LuaScript script = scripts.script(mode, files);
        return script.run("main.lua").arg1().tojstring();
    }

    @ParameterizedTest
    @ValueSource(strings = {"os.execute", "os.exit", "os.getenv", "os.remove", "os.rename", "os.tmpname", "io",
        "debug", "load", "loadstring", "dofile", "loadfile", "string.dump", "package.loadlib", "package.path",
        "package.searchers", "luajava", "module", "getfenv", "setfenv", "newproxy"})
    void dangerousGlobalsAreAbsent(String expression) {
        assertEquals("nil", eval(Mode.INTERPRETED, "return tostring(" + expression + ")"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void osKeepsOnlyTimeClockAndDate(Mode mode) {
        assertEquals("clock,date,time", eval(mode, """
                local names = {}
                for name in pairs(os) do names[#names + 1] = name end
                table.sort(names)
                return table.concat(names, ",")
                """));
        assertEquals("true", eval(mode, "return tostring(os.time() > 0 and os.clock() >= 0 and #os.date('%Y') == 4)"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void stringMethodsCannotReachTheSharedTableOrDump(Mode mode) {
        assertEquals("false", eval(mode, "return tostring(getmetatable(''))"));
        assertEquals("nil", eval(mode, "return tostring(('x').dump)"));
        assertEquals("nil", eval(mode, "return tostring(string.dump)"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void changingStringOfOneResourceDoesNotChangeAnother(Mode mode) {
        eval(mode, "string.upper = function() return 'hacked' end; pcall(function() getmetatable('').__index = nil end); return 1");
        assertEquals("X", eval(mode, "return ('x'):upper()"));
        assertEquals("X", eval(mode, "return string.upper('x')"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void ownStringTableChangesStayLocal(Mode mode) {
        assertEquals("shout", eval(mode, "string.shout = function() return 'shout' end; return string.shout()"));
        assertEquals("nil", eval(mode, "return tostring(string.shout)"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void requireLoadsOnlyTheResourceFilesOnce(Mode mode) {
        var files = Map.of(
                "main.lua", "local a = require('lib.util'); local b = require('lib.util'); return a.n .. tostring(a == b)",
                "lib/util.lua", "count = (count or 0) + 1; return {n = count}");
        assertEquals("1true", eval(mode, files));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "/etc/passwd", "lib/../../x", "a..b", ""})
    void requireRefusesPathsOutsideTheResource(String name) {
        var thrown = assertThrows(ScriptRuntimeException.class, () -> eval(Mode.INTERPRETED, "return require('" + name + "')"));
        assertTrue(thrown.getMessage().contains("is not valid"), thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void requireOfAMissingModuleNamesTheResource(Mode mode) {
        var thrown = assertThrows(ScriptRuntimeException.class, () -> eval(mode, "return require('nope')"));
        assertTrue(thrown.getMessage().contains("module 'nope' not found: no file 'nope.lua' in resource 'test'"),
                thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bytecodeIsNeverLoaded(Mode mode) {
        var binary = "\u001bLua\u0052\u0000";
        var thrown = assertThrows(ScriptRuntimeException.class,
                () -> eval(mode, Map.of("main.lua", "return require('evil')", "evil.lua", binary)));
        assertTrue(thrown.getMessage().contains("binary chunks are not allowed"), thrown.getMessage());
        assertThrows(ScriptLoadException.class, () -> eval(mode, Map.of("main.lua", binary)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void printWritesOneLinePerCall(Mode mode) {
        eval(mode, "print('hello', 42, nil, true); print(); return 1");
        assertEquals(java.util.List.of("hello\t42\tnil\ttrue", ""), scripts.printed);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void collectGarbageDoesNothing(Mode mode) {
        assertEquals("0", eval(mode, "return tostring(collectgarbage('collect'))"));
        assertEquals("false", eval(mode, "return tostring(pcall(collectgarbage, 'bogus'))"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pcallReturnsTheMessageWithoutTraceback(Mode mode) {
        String message = eval(mode, "local ok, err = pcall(error, 'boom'); return err");
        assertEquals("boom", message);
        String located = eval(mode, "local ok, err = pcall(function() local x = nil; return x.y end); return err");
        assertTrue(located.contains("index"), located);
        assertTrue(!located.contains("stack traceback"), located);
        assertEquals("table", eval(mode, "local ok, err = pcall(error, {code = 1}); return type(err)"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void librariesThatStayWork(Mode mode) {
        assertEquals("3 1 8 ok 2", eval(mode, """
                local t = {3, 1, 2}
                table.sort(t)
                local co = coroutine.wrap(function(a) coroutine.yield(a * 2) end)
                return #t .. ' ' .. tostring(math.abs(-1.0)) .. ' ' .. co(4) .. ' ' ..
                    (string.format('%s', 'ok')) .. ' ' .. tostring(math.log(100, 10))
                """));
        assertNotEquals("", eval(mode, "return string.rep('ab', 3, ',')"));
        assertEquals("ab,ab,ab", eval(mode, "return string.rep('ab', 3, ',')"));
    }
}

package dev.plinth.lang.lua.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A script that does not compile is reported as PUC Lua 5.2+ reports it, {@code near} the token where the parser
 * stopped, in a resource's files and in what they {@code require}; never with LuaJ's token numbers
 * ({@code unexpected symbol 61 (=)}).
 */
class SyntaxErrorsTest {

    private final TestScripts scripts = new TestScripts();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "local x = = 3                 | main.lua:1: unexpected symbol near '='",
        "local t = {a 1}               | main.lua:1: '}' expected near '1'",
        "x = 1 +                       | main.lua:1: unexpected symbol near <eof>",
        "function f() x end            | main.lua:1: syntax error near 'end'",
        "for i = 1 do end              | main.lua:1: ',' expected near 'do'",
        "return return                 | main.lua:1: unexpected symbol near 'return'",
        "local name = player.          | main.lua:1: <name> expected near <eof>",
    })
    void aFileThatDoesNotCompileIsReportedNearItsToken(String source, String expected) {
        assertEquals("test: " + expected, loadFailure(Mode.INTERPRETED, Map.of("main.lua", source)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBlockLeftOpenNamesWhereItOpened(Mode mode) {
        assertEquals("test: main.lua:4: 'end' expected (to close 'if' at line 2) near <eof>",
                loadFailure(mode, Map.of("main.lua", "local ok = true\nif ok then\n  print('x')\n")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRequiredModuleThatDoesNotCompileIsReportedNearItsToken(Mode mode) {
        String message = loadFailure(mode, Map.of("main.lua", "require('util')\n", "util.lua",
                "local M = {}\nM.x = = 1\nreturn M\n"));
        assertTrue(message.contains("util.lua:2: unexpected symbol near '='"), message);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anUnfinishedStringIsShownFromItsQuote(Mode mode) {
        assertEquals("test: main.lua:1: unfinished string near '\"hello'",
                loadFailure(mode, Map.of("main.lua", "local greeting = \"hello\nprint(greeting)\n")));
    }

    /** The failure of running {@code main.lua} of these files, as the resource's owner reads it. */
    private String loadFailure(Mode mode, Map<String, String> files) {
        LuaScript script = scripts.script(mode, files);
        return assertThrows(ScriptException.class, () -> script.run("main.lua")).getMessage();
    }
}

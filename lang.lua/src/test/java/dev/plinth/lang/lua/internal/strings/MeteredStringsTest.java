package dev.plinth.lang.lua.internal.strings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limit;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * The string library as scripts get it: Lua 5.2's results, and the work of every call charged, so library code that
 * runs long (a backtracking pattern, a search through megabytes) is stopped like a Lua loop.
 */
class MeteredStringsTest {

    private static String eval(Mode mode, String expression) {
        LuaScript script = new TestScripts().script(mode, Map.of("main.lua",
                "function f() return " + expression + " end"), Limits.defaults(), () -> 0);
        script.run("main.lua");
        var results = script.call(Budget.CALL, script.globals().get("f"), LuaValue.NONE);
        var text = new StringBuilder();
        for (int i = 1; i <= results.narg(); i++) {
            text.append(i > 1 ? "|" : "").append(results.arg(i).tojstring());
        }
        return text.toString();
    }

    @Nested
    class Semantics {

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "string.find('hello world', 'o w'); 5|7",
            "string.find('hello', 'l+'); 3|4",
            "string.find('a.b', '.', 1, true); 2|2",
            "string.find('a)', 'a)'); 1|2",
            "string.find('a.b', '%.'); 2|2",
            "string.find('abc', 'b', -1); nil",
            "string.find('abc', 'c', -1); 3|3",
            "string.find('abc', 'x'); nil",
            "string.find('abc', '', 10); nil",
            "string.find('abc', '', 4); 4|3",
            "string.find('key=val', '(%w+)=(%w+)'); 1|7|key|val",
            "string.find('THE (quick) fox', '%f[%a]%a+', 5); 6|10",
            "string.match('key = value', '(%w+)%s*=%s*(%w+)'); key|value",
            "string.match('  trim me  ', '^%s*(.-)%s*$'); trim me",
            "string.match('2024-01-05', '(%d+)-(%d+)-(%d+)'); 2024|01|05",
            "string.match('hello', '()ll()'); 3|5",
            "string.match('say \"hi\" now', '([\"\\'])(.-)%1'); \"|hi",
            "string.match('[[x]] y', '%b[]'); [[x]]",
            "string.match('abc', '^b'); nil",
            "string.match('abc', 'c$'); c",
            "string.match('a$c', 'a$c'); a$c",
            "string.match('x = [1-9]', '%[(.-)%]'); 1-9",
            "string.match('Hello', '[%u][%l]+'); Hello",
            "string.match('a1_b', '[%w_]+'); a1_b",
            "string.match('tab\there', '%S+%s(%S+)'); here",
            "string.match('aXb', '[^%l]'); X",
            "string.match('f(a(b)c)', '%b()'); (a(b)c)",
            "string.match('123abc', '%d*'); 123",
            "string.match('abc', 'a?b?c?d?'); abc",
            "string.match('aaab', 'a-b'); aaab",
            "string.gsub('hello world', 'o', '0'); hell0 w0rld|2",
            "string.gsub('abc', '%w', '%0%0'); aabbcc|3",
            "string.gsub('hello world', '(%w+)', '<%1>'); <hello> <world>|2",
            "string.gsub('abc', '', '-'); -a-b-c-|4",
            "string.gsub('$name is $age', '%$(%w+)', {name = 'bob', age = 3}); bob is 3|2",
            "string.gsub('abc', 'b', function(x) return nil end); abc|1",
            "string.gsub('abc', '%w', function(x) return x:upper() end, 2); ABc|2",
            "string.gsub('aaa', '^a', 'b'); baa|1",
            "string.gsub('a b', '()', '%1'); 1a2 3b4|4",
            "string.gsub('100%', '%%', ' percent'); 100 percent|1",
            "select('#', string.gsub('x', 'x', '%%')); 2",
            "string.rep('ab', 3, ','); ab,ab,ab",
            "string.rep('x', 0); ``",
            "string.rep('', 2^62); ``",
            "string.upper('abc') .. string.lower('DEF') .. string.reverse('ghi') .. ('jkl'):sub(2); ABCdefihgkl",
            "string.format('%d-%s-%5d', 7, 'x', 42); 7-x-   42",
        })
        void resultsAreLua52s(String expression, String expected) {
            for (Mode mode : Mode.values()) {
                assertEquals(expected, eval(mode, expression), expression + " in " + mode);
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "string.find('a', '%'); malformed pattern (ends with '%')",
            "string.find('a', '[a'); malformed pattern (missing ']')",
            "string.gsub('a', 'a', '%2'); invalid capture index %2",
            "string.gsub('a', 'a', '%x'); invalid use of '%' in replacement string",
            "string.find('a', '%b'); malformed pattern (missing arguments to '%b')",
            "string.find('a', '%f'); missing '[' after '%f' in pattern",
            "string.find('a', '(a'); unfinished capture",
            "string.match('a', 'a)'); invalid pattern capture",
            "string.gsub('a', 'a', true); bad argument",
        })
        void badPatternsAreLuaErrors(String expression, String message) {
            for (Mode mode : Mode.values()) {
                var failed = assertThrows(ScriptRuntimeException.class, () -> eval(mode, expression));
                assertTrue(failed.getMessage().contains(message), failed.getMessage());
            }
        }
    }

    @Nested
    class Attacks {

        private final TestScripts scripts = new TestScripts();

        private ScriptLimitException aborted(Mode mode, String body) {
            // allocation is not what these attacks are about: the instruction budget must stop them first
            LuaScript script = scripts.script(mode, Map.of("main.lua", "function attack() " + body + " end"),
                    Limits.defaults().withMaxCallAllocMb(1 << 16), () -> 0);
            script.run("main.lua");
            return assertThrows(ScriptLimitException.class,
                    () -> script.call(Budget.CALL, script.globals().get("attack"), LuaValue.NONE));
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void aBacktrackingPatternRunsOutOfBudget(Mode mode) {
            assertEquals(Limit.CALL_INSTRUCTIONS, aborted(mode, "return ('a'):rep(20000):find('.-.-.-.-b')").limit());
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void plainSearchesThroughMegabytesRunOutOfBudget(Mode mode) {
            assertEquals(Limit.CALL_INSTRUCTIONS, aborted(mode,
                    "local s = string.rep('a', 8 * 1024 * 1024) for i = 1, 1000 do s:find('b', 1, true) end").limit());
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void gsubAndGmatchOverMegabytesRunOutOfBudget(Mode mode) {
            assertEquals(Limit.CALL_INSTRUCTIONS, aborted(mode,
                    "local s = string.rep('a', 4 * 1024 * 1024) for i = 1, 1000 do s:gsub('a', 'a') end").limit());
            assertEquals(Limit.CALL_INSTRUCTIONS, aborted(mode,
                    "local s = string.rep('ab', 1024 * 1024) while true do for w in s:gmatch('a') do end end").limit());
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void repeatingAndCopyingRunOutOfBudget(Mode mode) {
            var rep = aborted(mode, "while true do local s = ('a'):rep(1e6) end");
            assertEquals(Limit.CALL_INSTRUCTIONS, rep.limit(), rep.getMessage());
            assertEquals(Limit.CALL_INSTRUCTIONS, aborted(mode,
                    "local s = ('a'):rep(1e6) while true do local t = s:upper() end").limit());
        }
    }
}

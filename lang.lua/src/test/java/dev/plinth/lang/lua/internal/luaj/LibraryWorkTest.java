package dev.plinth.lang.lua.internal.luaj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * Work LuaJ's own Java code does for one instruction or one library call, which the script sizes, is charged to the
 * script's budget: a handler comparing 4 MB strings, looking them up, reading numbers from them, sorting a million
 * values or shifting them by one runs out of its million instructions instead of holding the game thread for seconds.
 * The results stay LuaJ's.
 */
class LibraryWorkTest {

    private static final String LONG_STRINGS = """
            local a = string.rep('a', 4e6)
            x, y, z = a .. 'b', a .. 'c', a .. 'b'
            spaces = string.rep(' ', 4e6)
            keyed = {[x] = 1}
            function less() for i = 1, 1000 do local _ = x < y end end
            function equal() for i = 1, 1000 do local _ = x == z end end
            function lookup() local n = 0 for i = 1, 1000 do n = n + keyed[z] end end
            function number() for i = 1, 1000 do local _ = tonumber(spaces) end end
            """;

    private static final String LONG_LIST = """
            list = {}
            for i = 1, 1e6 do list[i] = i % 200 end
            function sort() for i = 1, 10 do table.sort(list) end end
            function shift() for i = 1, 100 do table.insert(list, 1, 0) table.remove(list, 1) end end
            """;

    private final TestScripts scripts = new TestScripts();
    private final AtomicLong tick = new AtomicLong();


    private static void assertOutOfBudget(LuaScript script, String handler) {
        long start = System.nanoTime();
        var aborted = assertThrows(ScriptLimitException.class,
                () -> script.call(Budget.CALL, script.globals().get(handler), LuaValue.NONE), handler);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Limit.CALL_INSTRUCTIONS, aborted.limit(), aborted.getMessage());
        assertTrue(took.compareTo(Duration.ofMillis(500)) < 0, handler + " was stopped after " + took);
    }

    private static String call(LuaScript script, String handler) {
        return script.call(Budget.CALL, script.globals().get(handler), LuaValue.NONE).tojstring(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void comparingLongStringsIsCharged(Mode mode) {
        for (String handler : new String[] {"less", "equal", "lookup", "number"}) {
            assertOutOfBudget(scripts.started(mode, LONG_STRINGS, tick::incrementAndGet), handler);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sortingAndShiftingAMillionValuesIsCharged(Mode mode) {
        LuaScript script = scripts.started(mode, LONG_LIST, tick::incrementAndGet);
        assertOutOfBudget(script, "sort");
        assertOutOfBudget(script, "shift");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void resultsAreLuaJs(Mode mode) {
        LuaScript script = scripts.started(mode, """
                local a = string.rep('a', 5000)
                function compare()
                  return table.concat({tostring(a .. 'b' < a .. 'c'), tostring(a .. 'c' < a .. 'b'),
                    tostring(a < a .. 'a'), tostring(a .. 'b' == a .. 'b'), tostring(a .. 'b' == a .. 'c'),
                    tostring('abc' < 'abd'), tostring('' < 'a'), tostring('b' <= 'b'),
                    tostring(({[a .. 'k'] = 7})[a .. 'k']), tostring(tonumber(' 12 ')), tostring(tonumber(a))}, ' ')
                end
                function lists()
                  local t = {5, 3, 9, 1}
                  table.insert(t, 2, 7)
                  table.insert(t, 4)
                  local removed, last = table.remove(t, 1), table.remove(t)
                  local big = {}
                  for i = 1, 2000 do big[i] = (i * 7919) % 2000 end
                  table.sort(big, function(p, q) return p > q end)
                  local words = {'pear', 'apple', 'fig'}
                  table.sort(words)
                  return table.concat(t, ',') .. ' ' .. removed .. ' ' .. last .. ' ' .. big[1] .. ' ' .. big[2000]
                    .. ' ' .. table.concat(words, ',') .. ' ' .. select('#', table.remove({}))
                end
                """, tick::incrementAndGet);
        assertEquals("true false true true false true true true 7 12 nil", call(script, "compare"));
        assertEquals("7,3,9,1 5 4 1999 0 apple,fig,pear 0", call(script, "lists"));
    }
}

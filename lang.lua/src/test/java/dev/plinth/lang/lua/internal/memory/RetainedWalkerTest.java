package dev.plinth.lang.lua.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * What a resource keeps, walked from its roots: globals, tables, upvalues of interpreted and compiled functions, the
 * functions the host holds, the locals of suspended coroutines; shared values once.
 */
class RetainedWalkerTest {

    private static final long MB = 1024 * 1024;

    private static long measure(Mode mode, String main, LuaValue... extraRoots) {
        LuaScript script = new TestScripts().script(mode, Map.of("main.lua", main),
                Limits.defaults().withMaxCallAllocMb(1024), () -> 0);
        script.run("main.lua");
        var roots = new java.util.ArrayList<LuaValue>(List.of(script.globals()));
        roots.addAll(List.of(extraRoots));
        var walker = new RetainedWalker(roots, 50_000_000, new ConcurrentHashMap<>());
        while (!walker.step(1000)) {
            // one step at a time, as the host walks it
        }
        return walker.bytes();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aLargeStringInAGlobalCounts(Mode mode) {
        long bytes = measure(mode, "big = string.rep('x', 32 * 1024 * 1024)");
        assertTrue(bytes >= 32 * MB && bytes < 34 * MB, bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void whatAFunctionKeepsInItsUpvaluesCounts(Mode mode) {
        long bytes = measure(mode, """
                local kept = {}
                for i = 1, 8 do kept[i] = string.rep(tostring(i), 1024 * 1024) end
                function holder() return kept end
                """);
        assertTrue(bytes >= 8 * MB, bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSharedValueCountsOnce(Mode mode) {
        long bytes = measure(mode, """
                local s = string.rep('y', 4 * 1024 * 1024)
                a, b, c = s, s, {s, s, s}
                """);
        assertTrue(bytes >= 4 * MB && bytes < 5 * MB, bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void whatACoroutinesFunctionKeepsCounts(Mode mode) {
        long bytes = measure(mode, """
                local created, wrapped = {}, {}
                co = coroutine.create(function()
                  while true do created[#created + 1] = string.rep('c', 1024 * 1024) coroutine.yield() end
                end)
                wrap = coroutine.wrap(function()
                  while true do wrapped[#wrapped + 1] = string.rep('w', 1024 * 1024) coroutine.yield() end
                end)
                for i = 1, 8 do coroutine.resume(co) wrap() end
                """);
        assertTrue(bytes >= 16 * MB, bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void whatSuspendedCoroutinesKeepInTheirLocalsCounts(Mode mode) {
        long bytes = measure(mode, """
                local function hold(n)
                  local inner = string.rep('i', n)
                  coroutine.yield()
                  return #inner
                end
                kept = {}
                for i = 1, 4 do
                  local co = coroutine.create(function(seed)
                    local mine = string.rep(seed, 1024 * 1024)
                    local list = {}
                    for j = 1, 2 do list[j] = string.rep(seed .. j, 512 * 1024) end
                    hold(1024 * 1024)
                    return #mine + #list
                  end)
                  coroutine.resume(co, tostring(i))
                  kept[i] = co
                end
                wrapped = coroutine.wrap(function(...)
                  local args = {...}
                  coroutine.yield()
                  return #args
                end)
                wrapped(string.rep('a', 4 * 1024 * 1024))
                """);
        assertTrue(bytes >= 4 * 4 * MB + 4 * MB, bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void compiledCodeOnACoroutineSharesItsUpvaluesWithTheMainThread(Mode mode) {
        LuaScript script = new TestScripts().script(mode, Map.of("main.lua", """
                local count = 0
                local function bump(by) count = count + by return count end
                local gen = coroutine.wrap(function(a, b, c)
                  while true do a, b, c = coroutine.yield(bump(a), b, c) end
                end)
                local seen = {}
                for i = 1, 3 do local n, b, c = gen(i, 'b', i * 2) seen[#seen + 1] = n .. b .. c end
                return bump(10) .. ' ' .. table.concat(seen, ',')
                """), Limits.defaults(), () -> 0);
        assertEquals("16 1b2,3b4,6b6", script.run("main.lua").arg1().tojstring());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anIdleResourceKeepsLittle(Mode mode) {
        long bytes = measure(mode, "function on_enable() end");
        assertTrue(bytes < 256 * 1024, bytes + " bytes for the standard library and a function");
    }
}

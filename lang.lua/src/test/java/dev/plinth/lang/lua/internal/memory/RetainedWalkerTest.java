package dev.plinth.lang.lua.internal.memory;

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
 * functions the host holds; shared values once.
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
    void anIdleResourceKeepsLittle(Mode mode) {
        long bytes = measure(mode, "function on_enable() end");
        assertTrue(bytes < 256 * 1024, bytes + " bytes for the standard library and a function");
    }
}

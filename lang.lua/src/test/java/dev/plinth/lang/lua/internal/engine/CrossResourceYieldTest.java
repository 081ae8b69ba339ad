package dev.plinth.lang.lua.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * A coroutine of one resource calls another resource's export, which calls back into the first, whose code yields:
 * the yield would leave the coroutine's thread waiting in the middle of the other resource's call, holding its lock,
 * and the game thread's next call into that resource would wait for ever. The yield is refused, as PUC Lua refuses a
 * yield across a C call; a yield with no such call in between still works.
 */
class CrossResourceYieldTest {

    private final TestScripts scripts = new TestScripts();
    private final AtomicLong tick = new AtomicLong();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aYieldAcrossAnotherResourcesCallIsRefused(Mode mode) throws Exception {
        LuaScript a = scripts.started(mode, "function g() return other() end function ok() return 'a ok' end",
                tick::get);
        LuaScript b = scripts.started(mode, """
                function f() return coroutine.yield('gotcha') end
                function across()
                  local co = coroutine.create(function() return other() end)
                  return coroutine.resume(co)
                end
                function wrapped() return pcall(coroutine.wrap(function() return other() end)) end
                function plain()
                  local co = coroutine.wrap(function() coroutine.yield(1) coroutine.yield(2) end)
                  return co() + co()
                end
                """, tick::get);
        TestScripts.link(b, "other", a, "g");
        TestScripts.link(a, "other", b, "f");
        for (String entry : new String[] {"across", "wrapped"}) {
            tick.incrementAndGet();
            var result = b.call(Budget.CALL, b.globals().get(entry), LuaValue.NONE);
            assertFalse(result.arg1().toboolean(), entry + " yielded " + result.arg(2));
            assertTrue(result.arg(2).tojstring().contains("attempt to yield across a call between resources"),
                    result.arg(2).tojstring());
            var fromAnotherThread = CompletableFuture.supplyAsync(
                    () -> a.call(Budget.CALL, a.globals().get("ok"), LuaValue.NONE).tojstring(1));
            assertEquals("a ok", fromAnotherThread.get(5, TimeUnit.SECONDS));
        }
        assertEquals(3, b.call(Budget.CALL, b.globals().get("plain"), LuaValue.NONE).toint(1));
    }
}

package dev.plinth.lang.lua.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Two resources whose exported functions call each other without end (as {@code mc.import} and {@code mc.export}
 * call: a host function of one resource calling into the other, the caller paying) fill the thread's stack: the
 * call fails with a stack overflow, and both resources come out of it as they went in, their call locks free for
 * other threads (the memory monitor, the lifecycle) and their budgets whole.
 */
class CrossResourceRecursionTest {

    private final TestScripts scripts = new TestScripts();
    private final AtomicLong tick = new AtomicLong();


    /** Gives {@code from} a global {@code other(...)} that calls {@code to}'s global {@code f}, as an import does. */
    private static void importInto(LuaScript from, LuaScript to) {
        from.globals().set("other", LuaFunctions.of(args -> {
            var arguments = PlainValues.toList(args, from.values("the arguments of f"));
            try {
                return PlainValues.toVarargs(from.asPayer(() -> PlainValues.toList(
                        to.call(Budget.CALL, to.globals().get("f"), PlainValues.toVarargs(arguments)),
                        to.values("the results of f"))));
            } catch (ScriptException e) {
                throw new LuaError("f failed: " + e.getMessage());
            }
        }));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void mutualRecursionFailsAndLeavesBothResourcesWhole(Mode mode) throws Exception {
        String main = """
                function f(n) return other(n + 1) end
                function guarded(n) local ok, err = pcall(f, n) return err end
                function spin() while true do end end
                """;
        LuaScript a = scripts.started(mode, main, tick::get);
        LuaScript b = scripts.started(mode, main, tick::get);
        importInto(a, b);
        importInto(b, a);
        for (String entry : new String[] {"f", "guarded"}) {
            tick.incrementAndGet();
            try {
                String result = a.call(Budget.CALL, a.globals().get(entry), LuaValue.valueOf(1)).tojstring(1);
                assertTrue(result.contains("stack overflow"), entry + " returned " + result);
            } catch (ScriptRuntimeException e) {
                assertTrue(e.getMessage().contains("stack overflow"), e.getMessage());
            }
            for (LuaScript script : new LuaScript[] {a, b}) {
                var other = CompletableFuture.supplyAsync(() -> script.whileIdle(() -> "free"));
                assertEquals("free", other.get(5, TimeUnit.SECONDS), "another thread gets the resource's lock");
                tick.incrementAndGet();
                var aborted = assertThrows(ScriptLimitException.class,
                        () -> script.call(Budget.CALL, script.globals().get("spin"), LuaValue.NONE));
                assertEquals(Limit.CALL_INSTRUCTIONS, aborted.limit(), aborted.getMessage());
            }
        }
    }
}

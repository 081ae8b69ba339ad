package dev.plinth.lang.lua.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.core.sandbox.values.ValueBounds;
import dev.plinth.core.sandbox.values.ValueBudget;
import dev.plinth.core.sandbox.values.ValueLimitException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.ZeroArgFunction;

class PlainValuesTest {

    private final AtomicLong charged = new AtomicLong();

    private ValueBudget budget() {
        return ValueBounds.DEFAULTS.budget("test", "payload", charged::addAndGet);
    }

    @Test
    void aSmallTableSharingItsSubtablesIntoAHugeTreeIsRefusedEarlyAndChargedToTheCaller() {
        LuaTable dag = new LuaTable();
        dag.rawset(1, LuaValue.valueOf("leaf"));
        for (int level = 0; level < 27; level++) {
            var next = new LuaTable();
            next.rawset(1, dag);
            next.rawset(2, dag);
            dag = next;
        }
        LuaTable root = dag;
        var refused = assertThrows(ValueLimitException.class, () -> PlainValues.toJava(root, budget(), "payload"));
        assertEquals("test: payload holds more than 100000 values (shared tables count each time they appear)",
                refused.getMessage());
        assertEquals(ValueBounds.DEFAULTS.maxNodes(), charged.get(), "every value visited was charged");
    }

    @Test
    void deepAndLargeValuesAreRefused() {
        LuaTable deep = new LuaTable();
        LuaTable inner = deep;
        for (int i = 0; i < 100; i++) {
            var next = new LuaTable();
            inner.rawset("x", next);
            inner = next;
        }
        assertThrows(ValueLimitException.class, () -> PlainValues.toJava(deep, budget(), "payload"));
        var big = new LuaTable();
        big.rawset("text", LuaValue.valueOf(new byte[2 * 1024 * 1024]));
        assertThrows(ValueLimitException.class, () -> PlainValues.toJava(big, budget(), "payload"));
    }

    @Test
    void tablesBecomeListsOrMapsAndBack() {
        var table = new LuaTable();
        table.rawset("name", LuaValue.valueOf("welcome"));
        table.rawset("tags", LuaValue.listOf(new LuaValue[] {LuaValue.valueOf("a"), LuaValue.valueOf(2)}));
        table.rawset("ratio", LuaValue.valueOf(0.5));
        Object plain = PlainValues.toJava(table, budget(), "payload");
        assertEquals(Map.of("name", "welcome", "tags", List.of("a", 2L), "ratio", 0.5), plain);
        assertEquals(plain, PlainValues.toJava(PlainValues.toLua(plain), budget(), "payload"));
    }

    @Test
    void functionsAndCyclesCannotLeaveAResource() {
        var table = new LuaTable();
        table.rawset("f", new ZeroArgFunction() {
            @Override
            public LuaValue call() {
                return NIL;
            }
        });
        assertEquals("payload.f holds a function: only nil, booleans, numbers, strings and tables of those can leave a resource",
                assertThrows(LuaError.class, () -> PlainValues.toJava(table, budget(), "payload")).getMessage());
        var cycle = new LuaTable();
        cycle.rawset("self", cycle);
        assertThrows(LuaError.class, () -> PlainValues.toJava(cycle, budget(), "payload"));
    }
}

package dev.plinth.lang.lua.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.ZeroArgFunction;

class PlainValuesTest {

    @Test
    void tablesBecomeListsOrMapsAndBack() {
        var table = new LuaTable();
        table.rawset("name", LuaValue.valueOf("welcome"));
        table.rawset("tags", LuaValue.listOf(new LuaValue[] {LuaValue.valueOf("a"), LuaValue.valueOf(2)}));
        table.rawset("ratio", LuaValue.valueOf(0.5));
        Object plain = PlainValues.toJava(table, "payload");
        assertEquals(Map.of("name", "welcome", "tags", List.of("a", 2L), "ratio", 0.5), plain);
        assertEquals(plain, PlainValues.toJava(PlainValues.toLua(plain), "payload"));
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
                assertThrows(LuaError.class, () -> PlainValues.toJava(table, "payload")).getMessage());
        var cycle = new LuaTable();
        cycle.rawset("self", cycle);
        assertThrows(LuaError.class, () -> PlainValues.toJava(cycle, "payload"));
    }
}

package dev.plinth.lang.lua.internal.binding;

import dev.plinth.core.sandbox.values.ValueBudget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Converts between Lua values and the plain values every language shares (event payloads, config files, exported
 * functions, {@code Resource.*}): {@code null}, {@code String}, {@code Number}, {@code Boolean}, {@code List},
 * {@code Map} with string keys. A Lua table is a list when its keys are exactly 1..n, a map otherwise. Every value
 * leaving a script is counted in a {@link ValueBudget}: its size, depth and shared subtables are bounded, and the
 * work is charged to the caller.
 */
public final class PlainValues {

    private PlainValues() {}

    /**
     * A plain Java value as Lua sees it.
     *
     * @param value a plain value
     * @return the Lua value; anything else becomes its {@code toString()}
     */
    public static LuaValue toLua(@Nullable Object value) {
        return switch (value) {
            case null -> LuaValue.NIL;
            case String s -> LuaValue.valueOf(s);
            case Boolean b -> LuaValue.valueOf(b);
            case Integer i -> LuaValue.valueOf(i);
            case Long l -> LuaValue.valueOf(l.doubleValue());
            case Number n -> LuaValue.valueOf(n.doubleValue());
            case List<?> list -> {
                var table = new LuaTable(list.size(), 0);
                for (int i = 0; i < list.size(); i++) {
                    table.rawset(i + 1, toLua(list.get(i)));
                }
                yield table;
            }
            case Map<?, ?> map -> {
                var table = new LuaTable(0, map.size());
                map.forEach((key, item) -> table.rawset(String.valueOf(key), toLua(item)));
                yield table;
            }
            default -> LuaValue.valueOf(value.toString());
        };
    }

    /**
     * A Lua value as a plain Java value.
     *
     * @param value a Lua value
     * @param budget the conversion's budget
     * @param what what it is, for the error message ({@code payload}, {@code argument 2})
     * @return the plain value: integers as {@code Long}, other numbers as {@code Double}
     * @throws LuaError for functions, userdata, threads, cyclic tables
     * @throws dev.plinth.core.sandbox.values.ValueLimitException for a value too large, too deep or sharing too much
     */
    public static @Nullable Object toJava(LuaValue value, ValueBudget budget, String what) {
        try {
            return toJava(value, budget, Where.root(what), Collections.newSetFromMap(new IdentityHashMap<>()));
        } finally {
            budget.finish();
        }
    }

    /**
     * A Lua table as a plain map.
     *
     * @param value a table, or nil for an empty map
     * @param budget the conversion's budget
     * @param what what it is, for the error message
     * @return the map
     * @throws LuaError when the value is not a table or holds something that is not plain
     */
    public static Map<String, Object> toMap(LuaValue value, ValueBudget budget, String what) {
        if (value.isnil()) {
            return Map.of();
        }
        if (!(toJava(value, budget, what) instanceof Map<?, ?> map)) {
            throw new LuaError(what + " must be a table with string keys, got " + value.typename());
        }
        @SuppressWarnings("unchecked")
        var typed = (Map<String, Object>) map;
        return typed;
    }

    /**
     * The arguments of a call as a list of plain values.
     *
     * @param args Lua arguments
     * @param budget the conversion's budget, for all of them
     * @return the list
     */
    public static List<Object> toList(Varargs args, ValueBudget budget) {
        var list = new ArrayList<Object>(args.narg());
        var seen = Collections.<LuaValue>newSetFromMap(new IdentityHashMap<>());
        try {
            for (int i = 1; i <= args.narg(); i++) {
                list.add(toJava(args.arg(i), budget, Where.root("argument " + i), seen));
            }
        } finally {
            budget.finish();
        }
        return list;
    }

    /**
     * A list of plain values as Lua results.
     *
     * @param values plain values
     * @return the varargs
     */
    public static Varargs toVarargs(List<?> values) {
        var lua = new LuaValue[values.size()];
        for (int i = 0; i < lua.length; i++) {
            lua[i] = toLua(values.get(i));
        }
        return LuaValue.varargsOf(lua);
    }

    private static @Nullable Object toJava(LuaValue value, ValueBudget budget, Where where, Set<LuaValue> seen) {
        budget.node();
        return switch (value.type()) {
            case LuaValue.TNIL -> null;
            case LuaValue.TBOOLEAN -> value.toboolean();
            case LuaValue.TNUMBER -> value.isinttype() || isWhole(value.todouble()) ? (Object) value.tolong()
                    : (Object) value.todouble();
            case LuaValue.TSTRING -> {
                budget.bytes(value.rawlen());
                yield value.tojstring();
            }
            case LuaValue.TTABLE -> table((LuaTable) value, budget, where, seen);
            default -> throw new LuaError(where + " holds a " + value.typename()
                    + ": only nil, booleans, numbers, strings and tables of those can leave a resource");
        };
    }

    private static Object table(LuaTable table, ValueBudget budget, Where where, Set<LuaValue> seen) {
        if (!seen.add(table)) {
            throw new LuaError(where + " refers to itself");
        }
        budget.enter();
        int length = table.rawlen();
        var keys = table.keys();
        Object result;
        if (keys.length == length && length > 0) {
            var list = new ArrayList<Object>(length);
            for (int i = 1; i <= length; i++) {
                list.add(toJava(table.rawget(i), budget, new Where(where, "[" + i + "]"), seen));
            }
            result = list;
        } else {
            var map = new LinkedHashMap<String, Object>();
            for (LuaValue key : keys) {
                if (!key.isstring()) {
                    throw new LuaError(where + " has a " + key.typename() + " key: use string keys or a list");
                }
                budget.bytes(key.rawlen());
                String name = key.tojstring();
                Object item = toJava(table.rawget(key), budget, new Where(where, "." + name), seen);
                if (item != null) {
                    map.put(name, item);
                }
            }
            result = map;
        }
        seen.remove(table);
        budget.exit();
        return result;
    }

    /**
     * Where a value sits in what is converted ({@code payload.items[2]}), spelled out only for an error message.
     *
     * @param parent the enclosing value, or {@code null} at the root
     * @param step the root's name, or the step from the parent ({@code .name}, {@code [2]})
     */
    private record Where(@Nullable Where parent, String step) {
        static Where root(String what) {
            return new Where(null, what);
        }

        @Override
        public String toString() {
            return parent == null ? step : parent + step;
        }
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p53;
    }
}

package dev.plinth.lang.lua.internal.embed;

import dev.plinth.core.sandbox.script.HostFunction;
import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptResults;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.values.ValueBudget;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The values crossing between an embedded Lua state and its host: a {@link HostFunction} becomes a Lua function
 * whose arguments are plain values (a Lua function argument a {@link ScriptFunction}), a map a table of members, and
 * what Lua returns becomes plain values again, its functions {@link ScriptFunction}s. Every value leaving the script
 * is bounded by the sandbox's value limits, its conversion charged to the script.
 *
 * <p>Thread-safe.
 */
final class HostValues {

    private final LuaScript script;
    private final Function<ScriptException, ScriptRunException> failure;

    HostValues(LuaScript script, Function<ScriptException, ScriptRunException> failure) {
        this.script = script;
        this.failure = failure;
    }

    /** A host value as the script sees it. */
    LuaValue toLua(String name, @Nullable Object value) {
        return switch (value) {
            case HostFunction function -> hostFunction(name, function);
            case ScriptResults results -> toLua(name, results.values().isEmpty() ? null : results.values().getFirst());
            case Map<?, ?> map when map.values().stream().anyMatch(HostValues::isApi) -> {
                var table = new LuaTable();
                map.forEach((key, member) -> table.rawset(String.valueOf(key), toLua(name + "." + key, member)));
                yield table;
            }
            case null, default -> PlainValues.toLua(value);
        };
    }

    /** What the script returned, as plain values: functions at the top or in a returned table as handles. */
    @Nullable Object fromLua(Varargs returned, String what) {
        LuaValue value = returned.arg1();
        if (value.isfunction()) {
            return function(value);
        }
        if (value.istable() && hasFunctions((LuaTable) value)) {
            var members = new LinkedHashMap<String, @Nullable Object>();
            LuaValue key = LuaValue.NIL;
            while (true) {
                Varargs next = value.next(key);
                key = next.arg1();
                if (key.isnil()) {
                    break;
                }
                LuaValue member = next.arg(2);
                members.put(key.tojstring(), member.isfunction() ? function(member)
                        : PlainValues.toJava(member, budget(what), what + "." + key.tojstring()));
            }
            return members;
        }
        return PlainValues.toJava(value, budget(what), what);
    }

    /** A function of the script, for the host to call later. */
    ScriptFunction function(LuaValue function) {
        return args -> {
            var lua = new LuaValue[args.size()];
            for (int i = 0; i < lua.length; i++) {
                lua[i] = PlainValues.toLua(args.get(i));
            }
            try {
                Varargs result = script.call(Budget.CALL, function, LuaValue.varargsOf(lua));
                return result.narg() > 1 ? results(result) : fromLua(result, "what a handler returned");
            } catch (ScriptException e) {
                throw failure.apply(e);
            }
        };
    }

    private LuaValue hostFunction(String name, HostFunction function) {
        return LuaFunctions.of(args -> {
            var plain = new ArrayList<@Nullable Object>(args.narg());
            for (int i = 1; i <= args.narg(); i++) {
                LuaValue arg = args.arg(i);
                String what = "argument " + i + " of " + name;
                plain.add(arg.isfunction() ? function(arg) : PlainValues.toJava(arg, budget(what), what));
            }
            Object result = function.call(plain);
            if (result instanceof ScriptResults several) {
                var lua = new LuaValue[several.values().size()];
                for (int i = 0; i < lua.length; i++) {
                    lua[i] = toLua(name, several.values().get(i));
                }
                return LuaValue.varargsOf(lua);
            }
            return toLua(name, result);
        });
    }

    private ScriptResults results(Varargs result) {
        var values = new ArrayList<@Nullable Object>();
        for (int i = 1; i <= result.narg(); i++) {
            values.add(PlainValues.toJava(result.arg(i), budget("a result"), "result " + i));
        }
        return new ScriptResults(values);
    }

    private ValueBudget budget(String what) {
        return script.values(what);
    }

    private static boolean isApi(@Nullable Object value) {
        return value instanceof HostFunction
                || value instanceof Map<?, ?> map && map.values().stream().anyMatch(HostValues::isApi);
    }

    private static boolean hasFunctions(LuaTable table) {
        LuaValue key = LuaValue.NIL;
        while (true) {
            Varargs next = table.next(key);
            key = next.arg1();
            if (key.isnil()) {
                return false;
            }
            if (next.arg(2).isfunction()) {
                return true;
            }
        }
    }
}

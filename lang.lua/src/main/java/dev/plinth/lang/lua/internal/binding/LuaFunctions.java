package dev.plinth.lang.lua.internal.binding;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Function;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua functions written as Java lambdas, for the API tables ({@code mc}, {@code Resource}), and their names, which
 * their errors say ({@code bad argument #1 to 'broadcast' (string expected, got table)}): a function is named after
 * the key it is found under in the API tables ({@link #name}).
 */
public final class LuaFunctions {

    /** How deep the API tables nest: {@code mc.form.simple}. */
    private static final int DEPTH = 3;

    private LuaFunctions() {}

    /**
     * A Lua function; what its body throws reaches the script as a Lua error ({@link HostCalls}).
     *
     * @param body what it does with its arguments
     * @return the function
     */
    public static LuaValue of(Function<Varargs, Varargs> body) {
        return new HostFunction(body);
    }

    /**
     * Names the functions made by {@link #of} after the keys they are found under: the globals, the tables in them
     * and theirs ({@code mc.form.simple} is {@code simple}, as PUC Lua names a library function). A function keeps
     * the first name it gets. Called once the API is installed, before any script runs.
     *
     * @param globals the resource's globals
     */
    public static void name(LuaTable globals) {
        name(globals, DEPTH, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void name(LuaTable table, int depth, Set<LuaTable> seen) {
        if (depth == 0 || !seen.add(table)) {
            return;
        }
        for (LuaValue key : table.keys()) {
            LuaValue value = table.rawget(key);
            if (value instanceof HostFunction function && key.isstring()) {
                function.named(key.tojstring());
            } else if (value instanceof LuaTable inner) {
                name(inner, depth - 1, seen);
            }
        }
    }

    /** A function of the host's API, named once installed. */
    private static final class HostFunction extends VarArgFunction {
        private final Function<Varargs, Varargs> body;

        HostFunction(Function<Varargs, Varargs> body) {
            this.body = body;
        }

        void named(String function) {
            if (name == null) {
                name = function;
            }
        }

        @Override
        public Varargs invoke(Varargs args) {
            return HostCalls.call(name == null ? "?" : name, args, false, () -> body.apply(args));
        }
    }
}

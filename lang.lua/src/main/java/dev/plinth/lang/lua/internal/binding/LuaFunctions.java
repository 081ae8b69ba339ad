package dev.plinth.lang.lua.internal.binding;

import java.util.function.Function;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Lua functions written as Java lambdas, for the API tables ({@code mc}, {@code Resource}). */
public final class LuaFunctions {

    private LuaFunctions() {}

    /**
     * A Lua function; what its body throws reaches the script as a Lua error ({@link HostCalls}).
     *
     * @param body what it does with its arguments
     * @return the function
     */
    public static LuaValue of(Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return HostCalls.call(() -> body.apply(args));
            }
        };
    }
}

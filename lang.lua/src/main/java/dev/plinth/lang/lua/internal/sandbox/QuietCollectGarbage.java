package dev.plinth.lang.lua.internal.sandbox;

import java.util.Set;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code collectgarbage} without its effect: the JVM's collector serves every resource, so a script may not run it
 * ({@code "collect"} would call {@code System.gc()}). Every option answers {@code 0}.
 */
final class QuietCollectGarbage extends VarArgFunction {

    private static final Set<String> OPTIONS =
            Set.of("collect", "stop", "restart", "count", "step", "setpause", "setstepmul", "isrunning", "generational",
                    "incremental");

    @Override
    public Varargs invoke(Varargs args) {
        String option = args.optjstring(1, "collect");
        if (!OPTIONS.contains(option)) {
            return argerror(1, "invalid option '" + option + "'");
        }
        return LuaValue.ZERO;
    }
}

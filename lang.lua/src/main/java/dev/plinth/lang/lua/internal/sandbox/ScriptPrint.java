package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.engine.ScriptConsole;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** {@code print(...)}: the values through {@code tostring}, joined with tabs, one line to the resource's console. */
final class ScriptPrint extends VarArgFunction {

    private final LuaValue globals;
    private final ScriptConsole console;

    ScriptPrint(LuaValue globals, ScriptConsole console) {
        this.globals = globals;
        this.console = console;
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaValue tostring = globals.get("tostring");
        var line = new StringBuilder();
        for (int i = 1, n = args.narg(); i <= n; i++) {
            if (i > 1) {
                line.append('\t');
            }
            line.append(tostring.call(args.arg(i)).tojstring());
        }
        console.print(line.toString());
        return NONE;
    }
}

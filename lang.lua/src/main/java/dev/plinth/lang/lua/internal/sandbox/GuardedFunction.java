package dev.plinth.lang.lua.internal.sandbox;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A library function of LuaJ behind a check of its arguments: the check sizes what the call would allocate and
 * refuses it (or asks the meter) before LuaJ allocates anything.
 */
abstract class GuardedFunction extends VarArgFunction {

    private final LuaValue delegate;

    GuardedFunction(LuaValue delegate) {
        this.delegate = delegate;
    }

    /**
     * Checks the arguments.
     *
     * @param args the call's arguments
     * @throws org.luaj.vm2.LuaError when the call would produce too much
     */
    abstract void check(Varargs args);

    @Override
    public final Varargs invoke(Varargs args) {
        check(args);
        return delegate.invoke(args);
    }
}

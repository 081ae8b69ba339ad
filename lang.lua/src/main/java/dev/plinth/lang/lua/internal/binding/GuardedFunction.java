package dev.plinth.lang.lua.internal.binding;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A library function of LuaJ behind a check of its arguments: the check sizes what the call would allocate and
 * refuses it (or asks the meter) before LuaJ allocates anything.
 */
public abstract class GuardedFunction extends VarArgFunction {

    private final LuaValue delegate;

    /**
     * Puts a check in front of a function.
     *
     * @param delegate LuaJ's function
     */
    protected GuardedFunction(LuaValue delegate) {
        this.delegate = delegate;
    }

    /**
     * Checks the arguments.
     *
     * @param args the call's arguments
     * @throws org.luaj.vm2.LuaError when the call would produce too much
     */
    protected abstract void check(Varargs args);

    @Override
    public final Varargs invoke(Varargs args) {
        check(args);
        return delegate.invoke(args);
    }
}

package dev.plinth.lang.lua.internal.strings;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A string function of LuaJ whose work is proportional to the strings it reads and makes ({@code sub},
 * {@code upper}, {@code lower}, {@code reverse}, {@code format}): a large first argument is reserved on the meter
 * before the call (the result is about as large), and the result's length is charged after it, one unit per 16
 * bytes.
 */
final class ChargedFunction extends VarArgFunction {

    private static final int SMALL = 64 * 1024;

    private final LuaValue delegate;

    ChargedFunction(LuaValue delegate) {
        this.delegate = delegate;
    }

    @Override
    public Varargs invoke(Varargs args) {
        Meter meter = Meter.current();
        LuaValue first = args.arg1();
        if (first.isstring() && first.rawlen() > SMALL) {
            meter.reserve(first.rawlen());
        }
        Varargs result = delegate.invoke(args);
        LuaValue value = result.arg1();
        if (value.isstring()) {
            meter.charge(1 + value.rawlen() / 16);
        }
        return result;
    }
}

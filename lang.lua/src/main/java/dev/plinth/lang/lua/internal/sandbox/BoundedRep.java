package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.rep(s, n [, sep])} that asks the resource's meter before allocating the result, so
 * {@code string.rep("x", 1e9)} breaks the memory limit instead of filling the heap (LuaJ's own also overflows
 * {@code int} on large counts).
 */
final class BoundedRep extends VarArgFunction {

    /** Results below this size are not worth a look at the allocation counter. */
    private static final long SMALL = 64 * 1024;

    @Override
    public Varargs invoke(Varargs args) {
        LuaString s = args.checkstring(1);
        long n = args.checklong(2);
        LuaString sep = args.optstring(3, EMPTYSTRING);
        if (n <= 0) {
            return EMPTYSTRING;
        }
        long size = s.length() * n + sep.length() * (n - 1);
        if (size > SMALL) {
            Meter.current().reserve(size);
        }
        if (size > Integer.MAX_VALUE - 8) {
            return error("resulting string too large");
        }
        var bytes = new byte[(int) size];
        int offset = 0;
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                sep.copyInto(0, bytes, offset, sep.length());
                offset += sep.length();
            }
            s.copyInto(0, bytes, offset, s.length());
            offset += s.length();
        }
        return LuaString.valueUsing(bytes);
    }
}

package dev.plinth.lang.lua.internal.strings;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.rep(s, n [, sep])} that sizes its result without overflow and asks the resource's meter before
 * allocating it, so {@code string.rep("x", 1e9)} breaks the memory limit instead of filling the heap, and charges the
 * copying, so {@code ("a"):rep(1e7)} in a loop runs out of budget. An empty result is made without looping, however
 * large {@code n} is.
 */
final class BoundedRep extends VarArgFunction {

    /** Results below this size are not worth a look at the allocation counter. */
    private static final long SMALL = 64 * 1024;
    private static final long MAX = Integer.MAX_VALUE - 8;

    @Override
    public Varargs invoke(Varargs args) {
        LuaString s = args.checkstring(1);
        long n = args.checklong(2);
        LuaString sep = args.optstring(3, EMPTYSTRING);
        if (n <= 0 || (s.length() == 0 && sep.length() == 0)) {
            return EMPTYSTRING;
        }
        long size;
        try {
            size = Math.addExact(Math.multiplyExact(s.length(), n), Math.multiplyExact(sep.length(), n - 1));
        } catch (ArithmeticException e) {
            size = Long.MAX_VALUE;
        }
        Meter meter = Meter.current();
        if (size > SMALL) {
            meter.reserve(size);
        }
        if (size > MAX) {
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
            if ((i & 1023) == 1023) {
                meter.charge(1 + (int) Math.min(Integer.MAX_VALUE, 1024L * (s.length() + sep.length()) / 64));
            }
        }
        return LuaString.valueUsing(bytes);
    }
}

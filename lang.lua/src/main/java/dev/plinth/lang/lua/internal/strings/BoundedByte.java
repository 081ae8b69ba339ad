package dev.plinth.lang.lua.internal.strings;

import dev.plinth.lang.lua.internal.binding.GuardedFunction;
import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** {@code string.byte(s, i, j)} that refuses ranges of more than a million results, like Lua's own stack limit. */
public final class BoundedByte extends GuardedFunction {

    /** The most values one call may return, like Lua's own stack limit. */
    public static final int MAX_RESULTS = 1_000_000;

    BoundedByte(LuaValue delegate) {
        super(delegate);
    }

    @Override
    protected void check(Varargs args) {
        int length = args.checkstring(1).length();
        long first = position(args.optlong(2, 1), length);
        long last = position(args.optlong(3, first), length);
        long count = Math.min(last, length) - Math.max(first, 1) + 1;
        if (count > MAX_RESULTS) {
            error("string slice too long");
        }
        if (count > 1024) {
            Meter.current().reserve(count * 16);
        }
    }

    private static long position(long index, int length) {
        return index >= 0 ? index : length + index + 1;
    }
}

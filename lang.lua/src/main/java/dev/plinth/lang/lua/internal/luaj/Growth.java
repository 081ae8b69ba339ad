package dev.plinth.lang.lua.internal.luaj;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaError;

/**
 * The checks LuaJ's string building makes before it allocates ({@code ..}, {@code LuaString.concatTo},
 * {@code Buffer}): a string beyond what a Java array holds is an error, and a large one is first reserved on the
 * meter of the resource whose code runs, so {@code s = s .. s} breaks the per-call allocation limit before the heap
 * sees the allocation. Outside a script call (the host's own use of LuaJ) only the size is checked.
 */
public final class Growth {

    /** Allocations below this are not worth a look at the allocation counter. */
    static final long SMALL = 64 * 1024;
    private static final long MAX = Integer.MAX_VALUE - 8;

    private Growth() {}

    /**
     * Before {@code left .. right} allocates their joined bytes.
     *
     * @param left the left string's length
     * @param right the right string's length
     */
    public static void concat(int left, int right) {
        check((long) left + right);
    }

    /**
     * Before a buffer makes room for more bytes.
     *
     * @param before bytes to make room for in front
     * @param after bytes to make room for behind
     */
    public static void room(int before, int after) {
        check((long) before + after);
    }

    /**
     * Before a buffer moves to a larger array.
     *
     * @param size the new array's size
     */
    public static void size(int size) {
        check(size);
    }

    private static void check(long bytes) {
        if (bytes < 0 || bytes > MAX) {
            throw new LuaError("string too large (" + bytes + " bytes)");
        }
        if (bytes >= SMALL && Meter.CURRENT.isBound()) {
            Meter.CURRENT.get().reserve(bytes);
        }
    }
}

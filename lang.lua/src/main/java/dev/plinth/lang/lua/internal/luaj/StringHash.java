package dev.plinth.lang.lua.internal.luaj;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * The hash of every Lua string, in place of LuaJ's: LuaJ (like Lua 5.1) hashes only every n-th byte of a long
 * string, so an attacker can make thousands of table keys that differ only in skipped bytes and all collide, and
 * every table operation on them walks one long chain. This hash reads every byte, eight at a time, and is seeded with
 * a random number chosen when the host starts, so collisions cannot be prepared in advance.
 *
 * <p>Stateless but for its seed, fixed at class initialization: thread-safe.
 */
public final class StringHash {

    private static final long SEED = new SecureRandom().nextLong();
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private StringHash() {}

    /**
     * Hashes bytes of a Lua string.
     *
     * @param bytes the array
     * @param offset where the string starts
     * @param length its length
     * @return the hash
     */
    public static int of(byte[] bytes, int offset, int length) {
        long h = SEED ^ (length * M1);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, offset + i);
            h = Long.rotateLeft(h ^ (word * M2), 31) * M1;
        }
        for (; i < length; i++) {
            h = (h ^ (bytes[offset + i] & 0xFF)) * M1;
        }
        h ^= h >>> 33;
        h *= M2;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }
}

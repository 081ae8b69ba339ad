package dev.plinth.lang.lua.internal.luaj;

import java.util.Arrays;
import org.luaj.vm2.LuaString;

/**
 * What LuaJ does over a string's bytes within one Lua instruction, in place of its own code and charged to the
 * script: comparing two strings ({@code <}, {@code <=}, {@code table.sort}'s default order), testing them for equality
 * ({@code ==}, a table lookup by a string key) and reading a number from one (arithmetic on a string,
 * {@code tonumber}). LuaJ compares byte by byte and counts nothing, so a loop comparing two 4 MB strings ran for
 * seconds within a budget of a million instructions; here the bytes are compared with {@link Arrays#mismatch} and, past
 * {@value #SMALL} bytes, every {@value #BYTES_PER_UNIT} bytes read cost the script one instruction. Results are LuaJ's
 * (its order compares bytes as Java's signed {@code byte}s).
 *
 * <p>Stateless: any thread.
 */
public final class StringWork {

    /** Byte counts below this are not worth a look at the meter. */
    static final int SMALL = 1024;
    /** Bytes read per instruction charged, as the metered string functions count copies. */
    static final int BYTES_PER_UNIT = 16;

    private StringWork() {}

    /**
     * {@code LuaString.raweq(LuaString)}: whether two strings hold the same bytes.
     *
     * @param a one string
     * @param b the other
     * @return {@code true} when equal
     * @throws org.luaj.vm2.LuaError when reading long strings breaks the call's budget
     */
    public static boolean equal(LuaString a, LuaString b) {
        if (a == b) {
            return true;
        }
        int length = a.m_length;
        if (b.m_length != length) {
            return false;
        }
        if (a.m_bytes == b.m_bytes && a.m_offset == b.m_offset) {
            return true;
        }
        if (a.hashCode() != b.hashCode()) {
            return false;
        }
        read(length);
        return Arrays.equals(a.m_bytes, a.m_offset, a.m_offset + length, b.m_bytes, b.m_offset, b.m_offset + length);
    }

    /**
     * {@code LuaString.strcmp(LuaString)}: how two strings order, as LuaJ orders them.
     *
     * @param a the left string
     * @param b the right string
     * @return negative, zero or positive: the difference of the first differing bytes (signed), else of the lengths
     * @throws org.luaj.vm2.LuaError when reading long strings breaks the call's budget
     */
    public static int compare(LuaString a, LuaString b) {
        int common = Math.min(a.m_length, b.m_length);
        int at = Arrays.mismatch(a.m_bytes, a.m_offset, a.m_offset + common, b.m_bytes, b.m_offset,
                b.m_offset + common);
        read(at < 0 ? common : at);
        return at < 0 ? a.m_length - b.m_length : a.m_bytes[a.m_offset + at] - b.m_bytes[b.m_offset + at];
    }

    /**
     * Before LuaJ reads a number from a string ({@code LuaString.scannumber}), which walks all of its bytes.
     *
     * @param length the string's length
     * @throws org.luaj.vm2.LuaError when reading a long string breaks the call's budget
     */
    public static void scan(int length) {
        read(length);
    }

    private static void read(int bytes) {
        if (bytes >= SMALL) {
            Work.charge(bytes / BYTES_PER_UNIT);
        }
    }
}

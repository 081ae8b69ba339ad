package dev.plinth.lang.wasm.internal.meter;

import java.io.ByteArrayOutputStream;

/**
 * LEB128, the variable-length integers of the WebAssembly binary format: writing unsigned 32-bit and signed 64-bit
 * numbers, and a reader of bytes and unsigned numbers for walking a module's sections.
 *
 * <p>Stateless (the reader is confined to its user).
 */
final class Leb128 {

    private Leb128() {}

    /**
     * Writes an unsigned 32-bit number.
     *
     * @param out where
     * @param value the number, read as unsigned
     */
    static void u32(ByteArrayOutputStream out, int value) {
        long rest = Integer.toUnsignedLong(value);
        do {
            int b = (int) (rest & 0x7F);
            rest >>>= 7;
            out.write(rest != 0 ? b | 0x80 : b);
        } while (rest != 0);
    }

    /**
     * Writes a signed 64-bit number.
     *
     * @param out where
     * @param value the number
     */
    static void s64(ByteArrayOutputStream out, long value) {
        long rest = value;
        while (true) {
            int b = (int) (rest & 0x7F);
            rest >>= 7;
            boolean done = (rest == 0 && (b & 0x40) == 0) || (rest == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    /** Reads bytes and unsigned numbers from a position, which it advances. */
    static final class Reader {
        private final byte[] bytes;
        int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int u8() {
            return bytes[position++] & 0xFF;
        }

        int u32() {
            long result = 0;
            int shift = 0;
            int b;
            do {
                b = u8();
                result |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0 && shift < 35);
            return (int) result;
        }
    }
}

package dev.plinth.lang.wasm.internal.engine;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * How host functions read and write a module's linear memory: every pointer and length the module passes is checked
 * (as unsigned 32-bit numbers) against the memory's size before anything is read or written, so a bad one is a trap
 * in the module ({@code mc_log: pointer 70000 + length 12 is outside the module's memory (65536 bytes)}), never an
 * exception in the host. What is copied costs fuel ({@value #BYTES_PER_FUEL} bytes per unit) and is bounded in
 * size.
 *
 * <p>Stateless apart from its meter; used on the thread of the call in progress.
 */
public final class GuestMemory {

    /** Bytes copied per unit of fuel. */
    public static final int BYTES_PER_FUEL = 32;
    /** The most bytes one value the module passes the host (a string, a JSON document) may have: 1 MiB. */
    public static final int MAX_VALUE_BYTES = 1 << 20;

    private final FuelMeter meter;

    /**
     * Creates the accessor of one module instance.
     *
     * @param meter the instance's fuel account
     */
    public GuestMemory(FuelMeter meter) {
        this.meter = meter;
    }

    /**
     * Reads UTF-8 text (malformed sequences read as U+FFFD).
     *
     * @param memory the module's memory ({@code instance.memory()}), null when it has none
     * @param function the host function reading, for the trap's message
     * @param ptr the address
     * @param len the length in bytes
     * @return the text
     * @throws TrapException when the range is outside the memory or longer than {@link #MAX_VALUE_BYTES}
     */
    public String string(@Nullable Memory memory, String function, int ptr, int len) {
        return new String(bytes(memory, function, ptr, len), StandardCharsets.UTF_8);
    }

    /**
     * Reads bytes.
     *
     * @param memory the module's memory ({@code instance.memory()}), null when it has none
     * @param function the host function reading
     * @param ptr the address
     * @param len the length
     * @return a copy of the bytes
     * @throws TrapException when the range is outside the memory or too long
     */
    public byte[] bytes(@Nullable Memory memory, String function, int ptr, int len) {
        Memory checked = checked(memory, function, ptr, len);
        if (Integer.toUnsignedLong(len) > MAX_VALUE_BYTES) {
            throw new TrapException(function + ": " + Integer.toUnsignedString(len) + " bytes is more than a value "
                    + "passed to the host may have (" + MAX_VALUE_BYTES + ")");
        }
        meter.charge(1 + len / BYTES_PER_FUEL);
        return checked.readBytes(ptr, len);
    }

    /**
     * Writes bytes.
     *
     * @param memory the module's memory ({@code instance.memory()}), null when it has none
     * @param function the host function writing
     * @param ptr the address
     * @param data the bytes
     * @throws TrapException when the range is outside the memory
     */
    public void write(@Nullable Memory memory, String function, int ptr, byte[] data) {
        Memory checked = checked(memory, function, ptr, data.length);
        meter.charge(1 + data.length / BYTES_PER_FUEL);
        checked.write(ptr, data);
    }

    /**
     * Gives the module a value in a buffer it provides, by the {@code (out_ptr, out_len_ptr)} convention: on entry the
     * {@code u32} at {@code outLenPtr} is the buffer's capacity; at most that many bytes are written at
     * {@code outPtr}, and the value's full length is stored at {@code outLenPtr} (so a module sees it was cut and can
     * ask again with a larger buffer). One look at the memory's size, no copy of the value.
     *
     * @param memory the module's memory ({@code instance.memory()}), null when it has none
     * @param function the host function writing
     * @param outPtr the buffer's address
     * @param outLenPtr the address of the capacity, then of the length
     * @param data the value
     * @throws TrapException when the capacity or the bytes written fall outside the memory
     */
    public void writeCapped(@Nullable Memory memory, String function, int outPtr, int outLenPtr, byte[] data) {
        Memory checked = checked(memory, function, outLenPtr, 4);
        long size = (long) checked.pages() * Memory.PAGE_SIZE;
        int written = (int) Math.min(Integer.toUnsignedLong(checked.readInt(outLenPtr)), data.length);
        if (Integer.toUnsignedLong(outPtr) + written > size) {
            throw outside(function, outPtr, written, size);
        }
        meter.charge(1 + written / BYTES_PER_FUEL);
        checked.write(outPtr, data, 0, written);
        checked.writeI32(outLenPtr, data.length);
    }

    private static Memory checked(@Nullable Memory memory, String function, int ptr, int len) {
        if (memory == null) {
            throw new TrapException(function + ": the module has no memory to pass values in");
        }
        long size = (long) memory.pages() * Memory.PAGE_SIZE;
        long end = Integer.toUnsignedLong(ptr) + Integer.toUnsignedLong(len);
        if (end > size) {
            throw outside(function, ptr, len, size);
        }
        return memory;
    }

    private static TrapException outside(String function, int ptr, int len, long size) {
        return new TrapException(function + ": pointer " + Integer.toUnsignedString(ptr) + " + length "
                + Integer.toUnsignedString(len) + " is outside the module's memory (" + size + " bytes)");
    }
}

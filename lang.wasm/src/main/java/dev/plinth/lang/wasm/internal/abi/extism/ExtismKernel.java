package dev.plinth.lang.wasm.internal.abi.extism;

import com.dylibso.chicory.runtime.TrapException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Extism's kernel, hosted in Java: the memory an Extism plugin exchanges data with the host through (blocks it
 * allocates, addressed by 64-bit offsets), the input and output of the call in progress, its error, and the
 * plugin's variables. Extism's own kernel is a WebAssembly module the host links the plugin against
 * ({@code extism-runtime.wasm}); its ABI is small, and hosting it directly saves a second instance and a call per
 * byte moved.
 *
 * <p>Semantics follow the kernel's: {@code alloc(0)} and a full memory return 0; {@code length} knows only block
 * starts; {@code free} gives back a block (the memory is reused after the call); the memory is reset before each
 * outermost call. As the kernel's bounds-checked build, a load outside the memory the plugin allocated (or past the
 * input's end) gives 0 and such a store does nothing; a handle that is no block, given to a host function
 * ({@code var_get}, {@code error_set}, {@code output_set} past the memory), is a trap in the plugin. Variables survive calls; together they hold at most {@value #MAX_VAR_BYTES} bytes, as Extism's default.
 *
 * <p>Confined to the plugin's calls (one at a time).
 */
final class ExtismKernel {

    /** The most bytes the plugin's variables may hold together. */
    static final int MAX_VAR_BYTES = 1024 * 1024;
    /** The offset of the first block: 0 is the null handle. */
    private static final int BASE = 8;
    private static final int INITIAL = 64 * 1024;

    private final int capacity;
    private byte[] data = new byte[INITIAL];
    private ByteBuffer view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    private int position = BASE;
    private final Map<Long, Integer> blocks = new HashMap<>();
    private final Map<String, byte[]> vars = new LinkedHashMap<>();
    private long inputOffset;
    private long inputLength;
    private long outputOffset;
    private long outputLength;
    private long error;

    /**
     * Creates the kernel of one plugin.
     *
     * @param capacity the most bytes its kernel memory may hold at once
     */
    ExtismKernel(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Starts a call: forgets the previous call's blocks, input, output and error, and sets the input.
     *
     * @param input the call's input
     */
    void begin(byte[] input) {
        blocks.clear();
        position = BASE;
        if (data.length > INITIAL * 4) {
            data = new byte[INITIAL];
            view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }
        outputOffset = 0;
        outputLength = 0;
        error = 0;
        long offset = input.length == 0 ? 0 : store(input);
        if (input.length > 0 && offset == 0) {
            throw new TrapException("extism: the input of " + input.length + " bytes does not fit the plugin's "
                    + "kernel memory (" + capacity + " bytes)");
        }
        inputOffset = offset;
        inputLength = input.length;
    }

    /** {@return the output the call set} */
    byte[] output() {
        return outputLength == 0 ? new byte[0] : Arrays.copyOfRange(data, (int) outputOffset,
                (int) (outputOffset + outputLength));
    }

    /** {@return the error the call set, if any} */
    Optional<String> error() {
        if (error == 0) {
            return Optional.empty();
        }
        return Optional.of(new String(block(error, "error_get"), StandardCharsets.UTF_8));
    }

    /** What the call state was, to restore after a nested call. */
    record Frame(long inputOffset, long inputLength, long outputOffset, long outputLength, long error) {}

    /** {@return the call state, before a nested call} */
    Frame save() {
        return new Frame(inputOffset, inputLength, outputOffset, outputLength, error);
    }

    /**
     * Puts back the call state after a nested call; its blocks stay allocated.
     *
     * @param frame what {@link #save()} returned
     */
    void restore(Frame frame) {
        inputOffset = frame.inputOffset();
        inputLength = frame.inputLength();
        outputOffset = frame.outputOffset();
        outputLength = frame.outputLength();
        error = frame.error();
    }

    /**
     * A nested call's input, keeping the outer call's blocks.
     *
     * @param input the input
     */
    void nestedInput(byte[] input) {
        outputOffset = 0;
        outputLength = 0;
        error = 0;
        inputOffset = input.length == 0 ? 0 : store(input);
        inputLength = input.length;
    }

    long alloc(long length) {
        if (length <= 0 || length > capacity - (long) position) {
            return 0;
        }
        int size = (int) length;
        ensure(position + size);
        long offset = position;
        position += size;
        blocks.put(offset, size);
        return offset;
    }

    void free(long offset) {
        Integer size = blocks.remove(offset);
        if (size != null && offset + size == position) {
            position = (int) offset;
        }
        if (offset == inputOffset) {
            inputLength = 0;
        }
    }

    long length(long offset) {
        Integer size = blocks.get(offset);
        return size == null ? 0 : size;
    }

    int loadU8(long offset) {
        return inside(offset, 1) ? data[(int) offset] & 0xFF : 0;
    }

    long loadU64(long offset) {
        return inside(offset, 8) ? view.getLong((int) offset) : 0;
    }

    void storeU8(long offset, int value) {
        if (inside(offset, 1)) {
            data[(int) offset] = (byte) value;
        }
    }

    void storeU64(long offset, long value) {
        if (inside(offset, 8)) {
            view.putLong((int) offset, value);
        }
    }

    long inputLength() {
        return inputLength;
    }

    long inputOffset() {
        return inputOffset;
    }

    /** A byte of the input; 0 past its end, as the kernel's bounds-checked build answers. */
    int inputLoadU8(long index) {
        if (index < 0 || index >= inputLength) {
            return 0;
        }
        return data[(int) (inputOffset + index)] & 0xFF;
    }

    /** Eight bytes of the input; 0 when they reach past its end, as the kernel's bounds-checked build answers. */
    long inputLoadU64(long index) {
        if (index < 0 || index + 8 > inputLength) {
            return 0;
        }
        return view.getLong((int) (inputOffset + index));
    }

    void outputSet(long offset, long length) {
        if (length != 0) {
            check(offset, length, "output_set");
        }
        outputOffset = offset;
        outputLength = length;
    }

    void errorSet(long offset) {
        if (offset != 0 && !blocks.containsKey(offset)) {
            throw new TrapException("extism error_set: " + offset + " is not a block the plugin allocated");
        }
        error = offset;
    }

    /**
     * The bytes of a block the plugin passed the host (a key, a JSON input).
     *
     * @param offset the block's offset
     * @param function the host function, for the trap's message
     * @return a copy of the block
     * @throws TrapException when no block starts there
     */
    byte[] block(long offset, String function) {
        Integer size = blocks.get(offset);
        if (size == null) {
            throw new TrapException("extism " + function + ": " + offset + " is not a block the plugin allocated");
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + size);
    }

    /**
     * Copies bytes into a new block, for the plugin.
     *
     * @param bytes the bytes
     * @return the block's offset, or 0 when the kernel memory is full
     */
    long store(byte[] bytes) {
        long offset = alloc(bytes.length);
        if (offset != 0) {
            System.arraycopy(bytes, 0, data, (int) offset, bytes.length);
        }
        return offset;
    }

    Optional<byte[]> var(String key) {
        return Optional.ofNullable(vars.get(key));
    }

    void setVar(String key, byte[] value) {
        long size = (long) key.length() + value.length;
        for (var entry : vars.entrySet()) {
            if (!entry.getKey().equals(key)) {
                size += entry.getKey().length() + entry.getValue().length;
            }
        }
        if (size > MAX_VAR_BYTES) {
            throw new TrapException("extism var_set: the plugin's variables would hold " + size + " bytes, more "
                    + "than " + MAX_VAR_BYTES);
        }
        vars.put(key, value);
    }

    void removeVar(String key) {
        vars.remove(key);
    }

    /** {@return the bytes the kernel holds now: its memory and the variables} */
    long retainedBytes() {
        long size = data.length;
        for (var entry : vars.entrySet()) {
            size += entry.getKey().length() + entry.getValue().length;
        }
        return size;
    }

    private boolean inside(long offset, long length) {
        return offset >= BASE && offset + length <= position;
    }

    private void check(long offset, long length, String function) {
        if (!inside(offset, length) || length < 0) {
            throw new TrapException("extism " + function + ": offset " + offset + " (+" + length + ") is outside the "
                    + "memory the plugin allocated");
        }
    }

    private void ensure(int size) {
        if (size > data.length) {
            int grown = Math.min(capacity, Math.max(size, data.length * 2));
            data = Arrays.copyOf(data, grown);
            view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}

package dev.plinth.lang.wasm.internal.meter;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.SectionId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Meters a WebAssembly module by rewriting it before it is compiled or interpreted, so that the same metering holds
 * in both of Chicory's modes: the module gets one more global, a mutable {@code i64} holding the fuel left, and code
 * that spends it.
 *
 * <ul>
 *   <li>At the entry of every function: the number of its instructions that are outside any loop.
 *   <li>At the head of every loop, so on every iteration: the number of instructions of the loop's body (those of
 *       nested loops are charged at their own heads).
 *   <li>Before every bulk operation ({@code memory.fill}, {@code memory.copy}, {@code memory.init},
 *       {@code table.fill}, {@code table.copy}, {@code table.init}): one unit per {@value #BULK_BYTES_PER_FUEL} bytes
 *       or entries it moves, read from its length operand.
 * </ul>
 *
 * <p>Both branches of an {@code if} count, so a call is charged at most as much as it could run, never less; every
 * call and every iteration costs at least one unit, so no loop or recursion runs without paying. When the fuel
 * drops below zero the code executes {@code unreachable}: the host tells that trap from the module's own by the fuel
 * global being negative. Charged code: {@code global.get; i64.const N; i64.sub; local.tee; global.set; local.get;
 * i64.const 0; i64.lt_s; if unreachable end}, with a scratch local added to each function.
 *
 * <p>A module that grows its memory gets a second global, a mutable {@code i64}: the most pages its memory may have
 * within the call in progress, which the host sets when each call starts (its pages then plus what one call may
 * allocate, {@code max_call_alloc_mb}). Every {@code memory.grow} checks it first and returns -1, as for a memory at
 * its maximum, when the growth would pass it: {@code local.tee; i64.extend_i32_u; memory.size; i64.extend_i32_u;
 * i64.add; global.get; i64.gt_u; if (result i32) i32.const -1 else local.get; memory.grow end}.
 *
 * <p>Custom sections with DWARF debugging information ({@code .debug_*}) are dropped: they describe the original
 * code's offsets. Everything else is copied unchanged; function, type and global indices stay as they were (the fuel
 * global comes after the module's own).
 *
 * <p>Stateless and thread-safe.
 */
public final class FuelInstrumenter {

    /** Bytes (or table entries) a bulk operation moves per unit of fuel. */
    public static final int BULK_BYTES_PER_FUEL = 32;
    private static final int BULK_SHIFT = Integer.numberOfTrailingZeros(BULK_BYTES_PER_FUEL);

    private static final int I64 = 0x7E;
    private static final int I32 = 0x7F;
    private static final int GLOBAL_GET = 0x23;
    private static final int GLOBAL_SET = 0x24;
    private static final int LOCAL_GET = 0x20;
    private static final int LOCAL_TEE = 0x22;
    private static final int I64_CONST = 0x42;
    private static final int I64_SUB = 0x7D;
    private static final int I64_LT_S = 0x53;
    private static final int I64_EXTEND_I32_U = 0xAD;
    private static final int I64_SHR_U = 0x88;
    private static final int I64_ADD = 0x7C;
    private static final int I64_GT_U = 0x56;
    private static final int I32_CONST = 0x41;
    private static final int MEMORY_SIZE = 0x3F;
    private static final int MEMORY_GROW = 0x40;
    private static final int ELSE = 0x05;
    private static final int IF = 0x04;
    private static final int EMPTY_BLOCK = 0x40;
    private static final int UNREACHABLE = 0x00;
    private static final int END = 0x0B;

    private FuelInstrumenter() {}

    /**
     * A metered module.
     *
     * @param bytes the rewritten module
     * @param fuelGlobal the index of the fuel global in the module's global index space
     * @param growGlobal the index of the global holding the most pages the memory may grow to within a call (the
     *     next after the fuel global), or -1 when the module never executes {@code memory.grow}
     */
    public record Metered(byte[] bytes, int fuelGlobal, int growGlobal) {}

    /**
     * Rewrites a module.
     *
     * @param original the module as written
     * @param parsed the same module, parsed and validated by Chicory (its instructions carry their byte offsets)
     * @return the metered module
     * @throws IllegalArgumentException when the binary does not match the parsed module
     */
    public static Metered instrument(byte[] original, WasmModule parsed) {
        int fuelGlobal = parsed.importSection().count(ExternalType.GLOBAL) + parsed.globalSection().globalCount();
        int growGlobal = grows(parsed) ? fuelGlobal + 1 : -1;
        byte[] added = growGlobal < 0 ? FUEL_GLOBAL : FUEL_AND_GROW_GLOBALS;
        var out = new ByteArrayOutputStream(original.length + original.length / 4);
        out.write(original, 0, 8);
        var reader = new Reader(original, 8);
        boolean globalsWritten = false;
        while (reader.position < original.length) {
            int header = reader.position;
            int id = reader.u8();
            int size = reader.u32();
            int start = reader.position;
            int end = start + size;
            if (!globalsWritten && comesAfterGlobals(id)) {
                section(out, SectionId.GLOBAL, appendedGlobals(new byte[] {0}, added));
                globalsWritten = true;
            }
            switch (id) {
                case SectionId.GLOBAL -> {
                    section(out, id, appendedGlobals(slice(original, start, end), added));
                    globalsWritten = true;
                }
                case SectionId.CODE -> section(out, id, code(original, start, end, parsed, fuelGlobal, growGlobal));
                case SectionId.CUSTOM -> {
                    if (!isDebugInfo(original, start)) {
                        out.write(original, header, end - header);
                    }
                }
                default -> out.write(original, header, end - header);
            }
            reader.position = end;
        }
        if (!globalsWritten) {
            section(out, SectionId.GLOBAL, appendedGlobals(new byte[] {0}, added));
        }
        return new Metered(out.toByteArray(), fuelGlobal, growGlobal);
    }

    /** {@code (global (mut i64) (i64.const 0))}: the fuel. */
    private static final byte[] FUEL_GLOBAL = {I64, 1, I64_CONST, 0, END};
    /** The fuel's global and the grow limit's, {@code (global (mut i64) (i64.const 0))} each. */
    private static final byte[] FUEL_AND_GROW_GLOBALS = {I64, 1, I64_CONST, 0, END, I64, 1, I64_CONST, 0, END};

    private static boolean grows(WasmModule parsed) {
        var code = parsed.codeSection();
        for (int i = 0; i < code.functionBodyCount(); i++) {
            for (AnnotatedInstruction instruction : code.getFunctionBody(i).instructions()) {
                if (instruction.opcode() == OpCode.MEMORY_GROW) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean comesAfterGlobals(int id) {
        return id == SectionId.EXPORT || id == SectionId.START || id == SectionId.ELEMENT
                || id == SectionId.DATA_COUNT || id == SectionId.CODE || id == SectionId.DATA;
    }

    private static boolean isDebugInfo(byte[] module, int start) {
        var reader = new Reader(module, start);
        int length = reader.u32();
        return new String(module, reader.position, length, StandardCharsets.UTF_8).startsWith(".debug");
    }

    /** The global section with the host's globals appended ({@link #FUEL_GLOBAL}, 5 bytes each). */
    private static byte[] appendedGlobals(byte[] section, byte[] globals) {
        var reader = new Reader(section, 0);
        int count = reader.u32();
        var out = new ByteArrayOutputStream(section.length + globals.length + 4);
        u32(out, count + globals.length / FUEL_GLOBAL.length);
        out.write(section, reader.position, section.length - reader.position);
        out.write(globals, 0, globals.length);
        return out.toByteArray();
    }

    private static byte[] code(byte[] module, int start, int end, WasmModule parsed, int fuelGlobal,
            int growGlobal) {
        var reader = new Reader(module, start);
        int count = reader.u32();
        if (count != parsed.codeSection().functionBodyCount()) {
            throw new IllegalArgumentException("the code section has " + count + " bodies, the parsed module "
                    + parsed.codeSection().functionBodyCount());
        }
        int imported = parsed.importSection().count(ExternalType.FUNCTION);
        var out = new ByteArrayOutputStream((end - start) * 5 / 4);
        u32(out, count);
        for (int i = 0; i < count; i++) {
            int size = reader.u32();
            int bodyStart = reader.position;
            int bodyEnd = bodyStart + size;
            FunctionBody body = parsed.codeSection().getFunctionBody(i);
            int params = parsed.typeSection().getType(parsed.functionSection().getFunctionType(i)).params().size();
            byte[] metered = body(module, bodyStart, bodyEnd, body, params, fuelGlobal, growGlobal, imported + i);
            u32(out, metered.length);
            out.write(metered, 0, metered.length);
            reader.position = bodyEnd;
        }
        if (reader.position != end) {
            throw new IllegalArgumentException("the code section has trailing bytes");
        }
        return out.toByteArray();
    }

    private static byte[] body(byte[] module, int bodyStart, int bodyEnd, FunctionBody body, int params,
            int fuelGlobal, int growGlobal, int functionIndex) {
        List<AnnotatedInstruction> instructions = new ArrayList<>();
        for (AnnotatedInstruction instruction : body.instructions()) {
            if (instruction.address() >= 0) {
                instructions.add(instruction);
            }
        }
        if (instructions.isEmpty()) {
            throw new IllegalArgumentException("function " + functionIndex + " has no instructions");
        }
        int firstInstruction = instructions.getFirst().address();
        long[] costs = regionCosts(instructions);
        boolean scratch = instructions.stream().anyMatch(i -> isBulk(i) || i.opcode() == OpCode.MEMORY_GROW);
        int fuelLocal = params + body.localTypes().size();
        int lengthLocal = fuelLocal + 1;

        var out = new ByteArrayOutputStream((bodyEnd - bodyStart) + 16 * (costs.length + 1));
        var locals = new Reader(module, bodyStart);
        int entries = locals.u32();
        u32(out, entries + (scratch ? 2 : 1));
        out.write(module, locals.position, firstInstruction - locals.position);
        out.write(1);
        out.write(I64);
        if (scratch) {
            out.write(1);
            out.write(I32);
        }
        charge(out, fuelGlobal, fuelLocal, costs[0]);
        int region = 0;
        for (int i = 0; i < instructions.size(); i++) {
            AnnotatedInstruction instruction = instructions.get(i);
            int from = instruction.address();
            int to = i + 1 < instructions.size() ? instructions.get(i + 1).address() : bodyEnd;
            if (isBulk(instruction)) {
                chargeLength(out, fuelGlobal, fuelLocal, lengthLocal);
            }
            if (instruction.opcode() == OpCode.MEMORY_GROW) {
                guardedGrow(out, module, from, to, growGlobal, lengthLocal);
                continue;
            }
            out.write(module, from, to - from);
            if (instruction.opcode() == OpCode.LOOP) {
                charge(out, fuelGlobal, fuelLocal, costs[++region]);
            }
        }
        return out.toByteArray();
    }

    /**
     * The cost of each region: [0] the function outside its loops, then each loop's body in the order the loops
     * start. {@code end} and {@code else} are free; a region costs at least one.
     */
    private static long[] regionCosts(List<AnnotatedInstruction> instructions) {
        int loops = (int) instructions.stream().filter(i -> i.opcode() == OpCode.LOOP).count();
        long[] costs = new long[loops + 1];
        // The open blocks: for each, the region it charges to (a loop opens its own; others keep their parent's).
        var open = new ArrayList<Integer>();
        int current = 0;
        int next = 0;
        for (AnnotatedInstruction instruction : instructions) {
            OpCode op = instruction.opcode();
            switch (op) {
                case BLOCK, IF, TRY_TABLE -> {
                    costs[current]++;
                    open.add(current);
                }
                case LOOP -> {
                    costs[current]++;
                    current = ++next;
                    open.add(current);
                }
                case END -> {
                    if (!open.isEmpty()) {
                        open.removeLast();
                        current = open.isEmpty() ? 0 : open.getLast();
                    }
                }
                case ELSE -> { }
                default -> costs[current]++;
            }
        }
        for (int i = 0; i < costs.length; i++) {
            costs[i] = Math.max(1, costs[i]);
        }
        return costs;
    }

    private static boolean isBulk(AnnotatedInstruction instruction) {
        return switch (instruction.opcode()) {
            case MEMORY_FILL, MEMORY_COPY, MEMORY_INIT, TABLE_FILL, TABLE_COPY, TABLE_INIT -> true;
            default -> false;
        };
    }

    /** {@code fuel -= cost; if (fuel < 0) unreachable}. */
    private static void charge(ByteArrayOutputStream out, int fuelGlobal, int fuelLocal, long cost) {
        out.write(GLOBAL_GET);
        u32(out, fuelGlobal);
        out.write(I64_CONST);
        s64(out, cost);
        out.write(I64_SUB);
        spend(out, fuelGlobal, fuelLocal);
    }

    /** With the length operand of a bulk operation on top of the stack: {@code fuel -= length >> shift; ...}. */
    private static void chargeLength(ByteArrayOutputStream out, int fuelGlobal, int fuelLocal, int lengthLocal) {
        out.write(LOCAL_TEE);
        u32(out, lengthLocal);
        out.write(GLOBAL_GET);
        u32(out, fuelGlobal);
        out.write(LOCAL_GET);
        u32(out, lengthLocal);
        out.write(I64_EXTEND_I32_U);
        out.write(I64_CONST);
        s64(out, BULK_SHIFT);
        out.write(I64_SHR_U);
        out.write(I64_SUB);
        spend(out, fuelGlobal, fuelLocal);
    }

    /**
     * {@code memory.grow} (the bytes from {@code from} to {@code to}: its opcode and memory index) that returns -1
     * without growing when the memory would pass the pages in the grow global.
     */
    private static void guardedGrow(ByteArrayOutputStream out, byte[] module, int from, int to, int growGlobal,
            int pagesLocal) {
        out.write(LOCAL_TEE);
        u32(out, pagesLocal);
        out.write(I64_EXTEND_I32_U);
        out.write(MEMORY_SIZE);
        out.write(module, from + 1, to - from - 1);
        out.write(I64_EXTEND_I32_U);
        out.write(I64_ADD);
        out.write(GLOBAL_GET);
        u32(out, growGlobal);
        out.write(I64_GT_U);
        out.write(IF);
        out.write(I32);
        out.write(I32_CONST);
        out.write(0x7F); // -1
        out.write(ELSE);
        out.write(LOCAL_GET);
        u32(out, pagesLocal);
        out.write(MEMORY_GROW);
        out.write(module, from + 1, to - from - 1);
        out.write(END);
    }

    /** With the fuel left on top of the stack: store it, and trap when it is negative. */
    private static void spend(ByteArrayOutputStream out, int fuelGlobal, int fuelLocal) {
        out.write(LOCAL_TEE);
        u32(out, fuelLocal);
        out.write(GLOBAL_SET);
        u32(out, fuelGlobal);
        out.write(LOCAL_GET);
        u32(out, fuelLocal);
        out.write(I64_CONST);
        out.write(0);
        out.write(I64_LT_S);
        out.write(IF);
        out.write(EMPTY_BLOCK);
        out.write(UNREACHABLE);
        out.write(END);
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        u32(out, content.length);
        out.write(content, 0, content.length);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] slice = new byte[to - from];
        System.arraycopy(bytes, from, slice, 0, slice.length);
        return slice;
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        long rest = Integer.toUnsignedLong(value);
        do {
            int b = (int) (rest & 0x7F);
            rest >>>= 7;
            out.write(rest != 0 ? b | 0x80 : b);
        } while (rest != 0);
    }

    private static void s64(ByteArrayOutputStream out, long value) {
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

    /** Reads bytes and unsigned LEB128 numbers. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

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

package dev.plinth.lang.wasm.internal.meter;

import static dev.plinth.lang.wasm.internal.meter.Leb128.u32;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.SectionId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
 * global being negative. A function without loops spends from the global ({@code global.get; i64.const N; i64.sub;
 * local.tee; global.set; local.get; i64.const 0; i64.lt_s; if unreachable end}); a function with loops keeps the fuel
 * in a local between its calls, so its iterations spend from a register (see {@link FunctionMeter}). The limit is
 * checked at function entries, loop heads and bulk operations only.
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

    private static final int I64 = 0x7E;
    private static final int I64_CONST = 0x42;
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
        var reader = new Leb128.Reader(original, 8);
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
        var reader = new Leb128.Reader(module, start);
        int length = reader.u32();
        return new String(module, reader.position, length, StandardCharsets.UTF_8).startsWith(".debug");
    }

    /** The global section with the host's globals appended ({@link #FUEL_GLOBAL}, 5 bytes each). */
    private static byte[] appendedGlobals(byte[] section, byte[] globals) {
        var reader = new Leb128.Reader(section, 0);
        int count = reader.u32();
        var out = new ByteArrayOutputStream(section.length + globals.length + 4);
        u32(out, count + globals.length / FUEL_GLOBAL.length);
        out.write(section, reader.position, section.length - reader.position);
        out.write(globals, 0, globals.length);
        return out.toByteArray();
    }

    private static byte[] code(byte[] module, int start, int end, WasmModule parsed, int fuelGlobal,
            int growGlobal) {
        var reader = new Leb128.Reader(module, start);
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
            byte[] metered = FunctionMeter.meter(module, bodyStart, bodyEnd, body, params, fuelGlobal, growGlobal,
                    imported + i);
            u32(out, metered.length);
            out.write(metered, 0, metered.length);
            reader.position = bodyEnd;
        }
        if (reader.position != end) {
            throw new IllegalArgumentException("the code section has trailing bytes");
        }
        return out.toByteArray();
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
}

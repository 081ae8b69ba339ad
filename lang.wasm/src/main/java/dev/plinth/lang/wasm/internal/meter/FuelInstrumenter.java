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
 * that spends it. A function's <em>entry cost</em> is the number of its instructions outside any loop; a loop's cost
 * is the number of instructions of its body (those of nested loops are charged at their own heads). What is charged
 * where:
 *
 * <ul>
 *   <li>The entry cost of a function that code other than the module's direct calls may enter (exported, in an
 *       element segment, named by {@code ref.func}, the start function: see {@link EntryCosts}): at its own entry, so
 *       on every call from the host, through {@code call_indirect} or {@code call_ref}.
 *   <li>The entry cost of every other function (an <em>internal</em> one): by its caller, before each {@code call} or
 *       {@code return_call} of it. The calls of one stretch of straight-line code (no branch, branch target or block
 *       boundary in between) are charged together, by the charge the stretch makes anyway (the caller's entry charge
 *       or a loop head's, when the stretch starts there) or else by one charge before the first of them. A call in a
 *       branch that does not run is not charged.
 *   <li>A function that may be entered from outside and is also called directly is split: its index becomes an entry
 *       that charges the entry cost and calls the function's body, which is appended to the module as an internal
 *       function; the module's direct calls go to the body. So the host and tables charge at the entry, direct calls
 *       at their sites, and no call is charged twice.
 *   <li>At the head of every loop, so on every iteration: the loop's cost, and the entry costs of the internal
 *       functions called in the loop's first stretch.
 *   <li>Before every bulk operation ({@code memory.fill}, {@code memory.copy}, {@code memory.init},
 *       {@code table.fill}, {@code table.copy}, {@code table.init}): one unit per {@value #BULK_BYTES_PER_FUEL} bytes
 *       or entries it moves, read from its length operand.
 * </ul>
 *
 * <p>Both branches of an {@code if} count in a region's cost, so a call is charged at most as much as it could run,
 * never less; every call and every iteration costs at least one unit, charged before any of the callee's or the
 * iteration's instructions run, so no loop or recursion runs without paying: a function is entered only through its
 * charged entry or a charged call site. A call that returns is charged the same total as if every function charged
 * its entry cost at its entry; a call that traps or throws may have paid for calls later in its stretch that did not
 * run. When the fuel drops below zero the code
 * executes {@code unreachable}: the host tells that trap from the module's own by the fuel global being negative. A
 * function without loops spends from the global ({@code global.get; i64.const N; i64.sub; local.tee; global.set;
 * local.get; i64.const 0; i64.lt_s; if unreachable end}); a function with loops keeps the fuel in a local between its
 * calls, so its iterations spend from a register (see {@link FunctionMeter}). The limit is checked at these charges
 * only.
 *
 * <p>Why at the call sites: a charge is a read, a subtraction and a write of the fuel, and the write of one charge is
 * read by the next, so the charges of a run form one chain through memory. Charged at every entry, a recursive
 * function as small as fib spent more time in that chain than in its own work (1.8 times the unmetered time,
 * measured); charged once per stretch of the caller, fib's two recursive calls cost one charge and its leaves (the
 * calls that make no call) none of their own (1.14 times).
 *
 * <p>A module that grows its memory gets a second global, a mutable {@code i64}: the most pages its memory may have
 * within the call in progress, which the host sets when each call starts (its pages then plus what one call may
 * allocate, {@code max_call_alloc_mb}). Every {@code memory.grow} checks it first and returns -1, as for a memory at
 * its maximum, when the growth would pass it: {@code local.tee; i64.extend_i32_u; memory.size; i64.extend_i32_u;
 * i64.add; global.get; i64.gt_u; if (result i32) i32.const -1 else local.get; memory.grow end}.
 *
 * <p>Custom sections with DWARF debugging information ({@code .debug_*}) are dropped: they describe the original
 * code's offsets. Everything else is copied unchanged; function, type and global indices stay as they were (the
 * bodies of split functions come after the module's own functions, the fuel global after the module's own globals).
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
     * @param firstBody the index of the first appended function: the body of the first split function (the module's
     *     function count as written)
     * @param splitFunctions the split functions, in the order of their appended bodies
     */
    public record Metered(byte[] bytes, int fuelGlobal, int growGlobal, int firstBody, int[] splitFunctions) {

        /** Keeps its own copy of the split functions. */
        public Metered {
            splitFunctions = splitFunctions.clone();
        }

        /** {@return the split functions, in the order of their appended bodies (a copy)} */
        @Override
        public int[] splitFunctions() {
            return splitFunctions.clone();
        }

        /**
         * The function a function of the metered module stands for: the split function whose body it is, else itself.
         *
         * @param function a function index of the metered module
         * @return the index of the module's function as written
         */
        public int original(int function) {
            int body = function - firstBody;
            return body >= 0 && body < splitFunctions.length ? splitFunctions[body] : function;
        }
    }

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
        var fuel = new FunctionMeter.Fuel(fuelGlobal, growGlobal, EntryCosts.of(parsed));
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
                case SectionId.FUNCTION -> section(out, id, functions(original, start, end, parsed, fuel.entries()));
                case SectionId.CODE -> section(out, id, code(original, start, end, parsed, fuel));
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
        int[] splits = fuel.entries().splits();
        int imported = parsed.importSection().count(ExternalType.FUNCTION);
        int[] bodies = new int[splits.length];
        for (int k = 0; k < splits.length; k++) {
            bodies[k] = imported + splits[k];
        }
        return new Metered(out.toByteArray(), fuelGlobal, growGlobal, imported + parsed.codeSection().functionBodyCount(),
                bodies);
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

    /** The function section: each function's type, then the types of the split functions' bodies. */
    private static byte[] functions(byte[] module, int start, int end, WasmModule parsed, EntryCosts entries) {
        int[] splits = entries.splits();
        var reader = new Leb128.Reader(module, start);
        int count = reader.u32();
        var out = new ByteArrayOutputStream(end - start + 5 * splits.length + 4);
        u32(out, count + splits.length);
        out.write(module, reader.position, end - reader.position);
        for (int split : splits) {
            u32(out, parsed.functionSection().getFunctionType(split));
        }
        return out.toByteArray();
    }

    private static byte[] code(byte[] module, int start, int end, WasmModule parsed, FunctionMeter.Fuel fuel) {
        var reader = new Leb128.Reader(module, start);
        int count = reader.u32();
        if (count != parsed.codeSection().functionBodyCount()) {
            throw new IllegalArgumentException("the code section has " + count + " bodies, the parsed module "
                    + parsed.codeSection().functionBodyCount());
        }
        int imported = parsed.importSection().count(ExternalType.FUNCTION);
        EntryCosts entries = fuel.entries();
        int[] splits = entries.splits();
        int[] starts = new int[count];
        int[] ends = new int[count];
        var out = new ByteArrayOutputStream((end - start) * 5 / 4);
        u32(out, count + splits.length);
        for (int i = 0; i < count; i++) {
            int size = reader.u32();
            starts[i] = reader.position;
            ends[i] = starts[i] + size;
            body(out, entries.isSplit(i)
                    ? FunctionMeter.entry(params(parsed, i), entries.cost(i), entries.target(imported + i), fuel)
                    : meter(module, starts[i], ends[i], parsed, i, entries.chargesAtEntry(i), fuel));
            reader.position = ends[i];
        }
        if (reader.position != end) {
            throw new IllegalArgumentException("the code section has trailing bytes");
        }
        for (int split : splits) {
            body(out, meter(module, starts[split], ends[split], parsed, split, false, fuel));
        }
        return out.toByteArray();
    }

    private static byte[] meter(byte[] module, int bodyStart, int bodyEnd, WasmModule parsed, int defined,
            boolean atEntry, FunctionMeter.Fuel fuel) {
        FunctionBody body = parsed.codeSection().getFunctionBody(defined);
        int index = parsed.importSection().count(ExternalType.FUNCTION) + defined;
        return FunctionMeter.meter(module, bodyStart, bodyEnd, body, params(parsed, defined), index, atEntry, fuel);
    }

    private static int params(WasmModule parsed, int defined) {
        return parsed.typeSection().getType(parsed.functionSection().getFunctionType(defined)).params().size();
    }

    private static void body(ByteArrayOutputStream out, byte[] body) {
        u32(out, body.length);
        out.write(body, 0, body.length);
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

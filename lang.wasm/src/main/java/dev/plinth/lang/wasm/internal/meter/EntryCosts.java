package dev.plinth.lang.wasm.internal.meter;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.BitSet;
import java.util.List;

/**
 * Where each function of a module pays its entry cost (its instructions outside any loop), for
 * {@link FuelInstrumenter}: at its own entry, or at the sites that call it.
 *
 * <p>A function <em>escapes</em> when code other than a direct {@code call} of the module may enter it: it is exported,
 * named by an element segment (so it may sit in a table and be reached by {@code call_indirect} or {@code call_ref}),
 * named by {@code ref.func} in a global's initializer or in code, or it is the start function. Such an entry runs no
 * charge of the caller's, so an escaping function charges its entry cost itself. Every other function is
 * <em>internal</em>: only {@code call} and {@code return_call} of the module reach it, and the caller charges its entry
 * cost before the call. A function that escapes and is also called directly is <em>split</em>: its index keeps a
 * small entry (charge the entry cost, then call the body with the same arguments), the function's body moves to a new
 * internal function appended after the module's own, and the module's direct calls go to that body. So every entry
 * of every function is charged exactly once, by the callee or by the call site.
 *
 * <p>Immutable and thread-safe.
 */
final class EntryCosts {

    private final int imported;
    private final long[] costs;
    private final BitSet escaping;
    private final int[] bodyIndex;
    private final int[] splits;

    private EntryCosts(int imported, long[] costs, BitSet escaping, int[] bodyIndex, int[] splits) {
        this.imported = imported;
        this.costs = costs;
        this.escaping = escaping;
        this.bodyIndex = bodyIndex;
        this.splits = splits;
    }

    /**
     * Decides the entry of every function of a module.
     *
     * @param parsed the module, parsed and validated
     * @return where each function pays its entry cost
     */
    static EntryCosts of(WasmModule parsed) {
        int imported = parsed.importSection().count(ExternalType.FUNCTION);
        var code = parsed.codeSection();
        int defined = code.functionBodyCount();
        var escaping = new BitSet(imported + defined);
        var called = new BitSet(imported + defined);
        for (int i = 0; i < parsed.exportSection().exportCount(); i++) {
            Export export = parsed.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                escaping.set(export.index());
            }
        }
        for (Element element : parsed.elementSection().elements()) {
            for (List<Instruction> initializer : element.initializers()) {
                referenced(initializer, escaping);
            }
        }
        for (Global global : parsed.globalSection().globals()) {
            referenced(global.initInstructions(), escaping);
        }
        parsed.startSection().ifPresent(start -> escaping.set((int) start.startIndex()));
        long[] costs = new long[defined];
        for (int i = 0; i < defined; i++) {
            var instructions = FunctionMeter.instructions(code.getFunctionBody(i));
            referenced(instructions, escaping);
            for (Instruction instruction : instructions) {
                if (isDirectCall(instruction.opcode())) {
                    called.set((int) instruction.operand(0));
                }
            }
            costs[i] = FunctionMeter.regionCosts(instructions)[0];
        }
        int[] bodyIndex = new int[defined];
        var split = new BitSet(defined);
        for (int i = 0; i < defined; i++) {
            int index = imported + i;
            bodyIndex[i] = index;
            if (escaping.get(index) && called.get(index)) {
                split.set(i);
            }
        }
        int[] splits = split.stream().toArray();
        for (int k = 0; k < splits.length; k++) {
            bodyIndex[splits[k]] = imported + defined + k;
        }
        return new EntryCosts(imported, costs, escaping, bodyIndex, splits);
    }

    private static void referenced(List<? extends Instruction> instructions, BitSet escaping) {
        for (Instruction instruction : instructions) {
            if (instruction.opcode() == OpCode.REF_FUNC) {
                escaping.set((int) instruction.operand(0));
            }
        }
    }

    /** {@return whether the instruction is a direct call: {@code call} or {@code return_call}} */
    static boolean isDirectCall(OpCode op) {
        return op == OpCode.CALL || op == OpCode.RETURN_CALL;
    }

    /**
     * {@return whether a defined function charges its entry cost at its entry: it escapes and is not split}
     *
     * @param defined the function's position among the module's own (not imported) functions
     */
    boolean chargesAtEntry(int defined) {
        return escaping.get(imported + defined) && !isSplit(defined);
    }

    /**
     * {@return whether a defined function is split into an entry and a body}
     *
     * @param defined the function's position among the module's own functions
     */
    boolean isSplit(int defined) {
        return bodyIndex[defined] != imported + defined;
    }

    /**
     * {@return the entry cost of a defined function: its instructions outside its loops, at least one}
     *
     * @param defined the function's position among the module's own functions
     */
    long cost(int defined) {
        return costs[defined];
    }

    /**
     * {@return the index a direct call of a function goes to: a split function's body, else the function itself}
     *
     * @param function the called function's index
     */
    int target(int function) {
        return function < imported ? function : bodyIndex[function - imported];
    }

    /**
     * {@return the entry cost a direct call of a function charges at its site: 0 for an imported function (a host
     * function charges its own work) and for a function that charges at its entry}
     *
     * @param function the called function's index, as the module's code names it
     */
    long siteCost(int function) {
        int defined = function - imported;
        return defined < 0 || chargesAtEntry(defined) ? 0 : costs[defined];
    }

    /**
     * {@return the split functions, by their position among the module's own functions, in the order their bodies
     * are appended}
     */
    int[] splits() {
        return splits.clone();
    }
}

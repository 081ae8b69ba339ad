package dev.plinth.lang.wasm.internal.meter;

import static dev.plinth.lang.wasm.internal.meter.Leb128.s64;
import static dev.plinth.lang.wasm.internal.meter.Leb128.u32;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Meters one function body for {@link FuelInstrumenter}: its charges at entry (when the function charges its own entry
 * cost, see {@link EntryCosts}), before its direct calls of internal functions (their entry costs, one charge per
 * stretch of straight-line code: {@link #stretchCharges}), at every loop head and before bulk operations, and its
 * guarded {@code memory.grow}; and the entries of split functions ({@link #entry}).
 *
 * <p>Two ways to hold the fuel, by the shape of the function:
 * <ul>
 *   <li><b>In the global</b> (functions without loops): every charge reads the fuel global, stores it back and checks
 *       it; nothing else, so calls need no care (the global is always current).
 *   <li><b>In a local</b> (functions with loops and without {@code try_table}): the entry reads the global into a
 *       local (spending the entry charge, if any, and checking it); loop heads, call sites and bulk operations spend
 *       and check the local only, which the JIT keeps in
 *       a register, so an iteration touches no memory for its fuel. The local is stored into the global before every
 *       call (the callee and host functions spend from the global) and read back after it, before every way out of
 *       the function ({@code return}, tail calls, {@code throw}, a branch to the function's own label, its final
 *       {@code end}), and before the trap when it runs out. A function that catches exceptions keeps its fuel in the
 *       global: a callee's throw would skip the read-back, and the callee's spending would be lost.
 * </ul>
 * A call that ends in another trap may leave the global above what the function spent since its last store: that
 * call is charged a little less, and it has ended anyway.
 *
 * <p>Not thread-safe: one instance per body.
 */
final class FunctionMeter {

    private static final int I64 = 0x7E;
    private static final int I32 = 0x7F;
    private static final int GLOBAL_GET = 0x23;
    private static final int GLOBAL_SET = 0x24;
    private static final int LOCAL_GET = 0x20;
    private static final int LOCAL_SET = 0x21;
    private static final int LOCAL_TEE = 0x22;
    private static final int I64_CONST = 0x42;
    private static final int I32_CONST = 0x41;
    private static final int I64_SUB = 0x7D;
    private static final int I64_ADD = 0x7C;
    private static final int I64_LT_S = 0x53;
    private static final int I64_GT_U = 0x56;
    private static final int I64_EXTEND_I32_U = 0xAD;
    private static final int I64_SHR_U = 0x88;
    private static final int MEMORY_SIZE = 0x3F;
    private static final int MEMORY_GROW = 0x40;
    private static final int IF = 0x04;
    private static final int ELSE = 0x05;
    private static final int EMPTY_BLOCK = 0x40;
    private static final int UNREACHABLE = 0x00;
    private static final int END = 0x0B;
    private static final int CALL = 0x10;
    /** {@link #stretchCharges}: the stretch has no charge yet. */
    private static final int NO_CHARGE = -1;
    /** {@link #stretchCharges}: the stretch charges before its first call of an internal function. */
    private static final int AT_SITE = -2;
    private static final int BULK_SHIFT = Integer.numberOfTrailingZeros(FuelInstrumenter.BULK_BYTES_PER_FUEL);

    private final ByteArrayOutputStream out;
    private final int fuelGlobal;
    private final int growGlobal;
    private final EntryCosts entries;
    private final int fuelLocal;
    private final int scratchLocal;
    private final boolean inLocal;
    private final boolean atEntry;

    private FunctionMeter(ByteArrayOutputStream out, Fuel fuel, int fuelLocal, boolean inLocal, boolean atEntry) {
        this.out = out;
        this.fuelGlobal = fuel.global();
        this.growGlobal = fuel.growGlobal();
        this.entries = fuel.entries();
        this.fuelLocal = fuelLocal;
        this.scratchLocal = fuelLocal + 1;
        this.inLocal = inLocal;
        this.atEntry = atEntry;
    }

    /**
     * Meters one body.
     *
     * @param module the module's bytes
     * @param bodyStart where the body starts (its local declarations)
     * @param bodyEnd where it ends
     * @param body the body, parsed (its instructions carry their byte offsets)
     * @param params the function's parameter count
     * @param functionIndex the function's index, for messages
     * @param atEntry whether the function charges its entry cost itself, at its entry (else its callers do)
     * @param fuel the module's fuel and where its functions pay their entries
     * @return the metered body
     * @throws IllegalArgumentException when the body has no instructions
     */
    static byte[] meter(byte[] module, int bodyStart, int bodyEnd, FunctionBody body, int params, int functionIndex,
            boolean atEntry, Fuel fuel) {
        List<AnnotatedInstruction> instructions = instructions(body);
        if (instructions.isEmpty()) {
            throw new IllegalArgumentException("function " + functionIndex + " has no instructions");
        }
        boolean loops = instructions.stream().anyMatch(i -> i.opcode() == OpCode.LOOP);
        boolean catches = instructions.stream().anyMatch(i -> i.opcode() == OpCode.TRY_TABLE);
        boolean scratch = instructions.stream().anyMatch(i -> isBulk(i) || i.opcode() == OpCode.MEMORY_GROW);
        int fuelLocal = params + body.localTypes().size();
        var out = new ByteArrayOutputStream((bodyEnd - bodyStart) * 5 / 4 + 32);
        var locals = new Leb128.Reader(module, bodyStart);
        int entries = locals.u32();
        int firstInstruction = instructions.getFirst().address();
        u32(out, entries + (scratch ? 2 : 1));
        out.write(module, locals.position, firstInstruction - locals.position);
        out.write(1);
        out.write(I64);
        if (scratch) {
            out.write(1);
            out.write(I32);
        }
        new FunctionMeter(out, fuel, fuelLocal, loops && !catches, atEntry).instructions(module, instructions, bodyEnd);
        return out.toByteArray();
    }

    /**
     * The entry of a split function (see {@link EntryCosts}): charges the entry cost of its body from the fuel global,
     * then calls the body with the entry's arguments and returns what it returns. The entry's own instructions are not
     * charged: they stand for the call of the body, which they charge.
     *
     * @param params the function's parameter count
     * @param cost the body's entry cost
     * @param body the body's function index
     * @param fuel the module's fuel and where its functions pay their entries
     * @return the entry's body
     */
    static byte[] entry(int params, long cost, int body, Fuel fuel) {
        var out = new ByteArrayOutputStream(24 + 2 * params);
        u32(out, 1); // one local declaration: the i64 the charge goes through
        u32(out, 1);
        out.write(I64);
        new FunctionMeter(out, fuel, params, false, true).charge(true, cost);
        for (int param = 0; param < params; param++) {
            out.write(LOCAL_GET);
            u32(out, param);
        }
        out.write(CALL);
        u32(out, body);
        out.write(END);
        return out.toByteArray();
    }

    /**
     * What metering a body needs to know of the whole module.
     *
     * @param global the fuel global's index
     * @param growGlobal the grow limit global's index, -1 when the module never grows its memory
     * @param entries where each function pays its entry cost
     */
    record Fuel(int global, int growGlobal, EntryCosts entries) {}

    /** {@return a body's instructions, without the ones Chicory adds that are not in the binary} */
    static List<AnnotatedInstruction> instructions(FunctionBody body) {
        List<AnnotatedInstruction> instructions = new ArrayList<>();
        for (AnnotatedInstruction instruction : body.instructions()) {
            if (instruction.address() >= 0) {
                instructions.add(instruction);
            }
        }
        return instructions;
    }

    private void instructions(byte[] module, List<AnnotatedInstruction> instructions, int bodyEnd) {
        long[] costs = regionCosts(instructions);
        long[] sites = stretchCharges(instructions, costs);
        if (atEntry) {
            charge(true, costs[0]);
        } else if (inLocal) {
            load();
        }
        int region = 0;
        int depth = 0;
        for (int i = 0; i < instructions.size(); i++) {
            AnnotatedInstruction instruction = instructions.get(i);
            OpCode op = instruction.opcode();
            int from = instruction.address();
            int to = i + 1 < instructions.size() ? instructions.get(i + 1).address() : bodyEnd;
            if (sites[i] > 0) {
                charge(false, sites[i]);
            }
            if (isBulk(instruction)) {
                chargeLength();
            }
            if (inLocal && (isCall(op) || leaves(instruction, depth))) {
                store();
            }
            if (op == OpCode.MEMORY_GROW) {
                guardedGrow(module, from, to);
                continue;
            }
            if (EntryCosts.isDirectCall(op)) {
                out.write(module[from]);
                u32(out, entries.target((int) instruction.operand(0)));
            } else {
                out.write(module, from, to - from);
            }
            if (inLocal && isCall(op)) {
                load();
            }
            switch (op) {
                case LOOP -> {
                    charge(false, costs[++region]);
                    depth++;
                }
                case BLOCK, IF, TRY_TABLE -> depth++;
                case END -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
    }

    /** Whether the instruction may leave the function (at {@code depth} open blocks inside it). */
    private static boolean leaves(AnnotatedInstruction instruction, int depth) {
        return switch (instruction.opcode()) {
            case RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF, THROW, THROW_REF -> true;
            case BR, BR_IF -> instruction.operand(0) == depth;
            case BR_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> true; // any target may
            case END -> depth == 0;
            default -> false;
        };
    }

    private static boolean isCall(OpCode op) {
        return op == OpCode.CALL || op == OpCode.CALL_INDIRECT || op == OpCode.CALL_REF;
    }

    private static boolean isBulk(AnnotatedInstruction instruction) {
        return switch (instruction.opcode()) {
            case MEMORY_FILL, MEMORY_COPY, MEMORY_INIT, TABLE_FILL, TABLE_COPY, TABLE_INIT -> true;
            default -> false;
        };
    }

    /**
     * Adds the entry costs of the internal functions a function calls directly (see {@link EntryCosts}) to the charges
     * before those calls. The body is cut into stretches: a stretch ends at every instruction that branches or is a
     * branch target or starts a branch of its own ({@code block}, {@code loop}, {@code if}, {@code else}, {@code end},
     * {@code try_table}, the {@code br} family, {@code return}, tail calls, {@code throw}, {@code unreachable}), so
     * code runs a stretch from its start, in order, or not at all. A stretch's charge is made at its start when that
     * start charges anyway (the function's entry when the function charges there, a loop's head), else before its first
     * direct call of an internal function; it covers every such call of the stretch.
     *
     * @param instructions the body
     * @param costs the regions' costs ({@link #regionCosts}): the entry's and the loop heads' grow by what they cover
     * @return for each instruction, what is charged right before it (0: nothing)
     */
    private long[] stretchCharges(List<AnnotatedInstruction> instructions, long[] costs) {
        long[] sites = new long[instructions.size()];
        int open = atEntry ? 0 : NO_CHARGE; // a region's index (its charge covers the stretch), or one of the two below
        int site = -1;
        int loops = 0;
        for (int i = 0; i < instructions.size(); i++) {
            AnnotatedInstruction instruction = instructions.get(i);
            OpCode op = instruction.opcode();
            long cost = EntryCosts.isDirectCall(op) ? entries.siteCost((int) instruction.operand(0)) : 0;
            if (cost > 0) {
                if (open == NO_CHARGE) {
                    open = AT_SITE;
                    site = i;
                }
                if (open == AT_SITE) {
                    sites[site] += cost;
                } else {
                    costs[open] += cost;
                }
            }
            if (op == OpCode.LOOP) {
                open = ++loops;
            } else if (endsStretch(op)) {
                open = NO_CHARGE;
            }
        }
        return sites;
    }

    /** Whether the instruction ends a stretch of straight-line code (see {@link #stretchCharges}). */
    private static boolean endsStretch(OpCode op) {
        return switch (op) {
            case BLOCK, LOOP, IF, ELSE, END, TRY_TABLE, BR, BR_IF, BR_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST,
                    BR_ON_CAST_FAIL, RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF, THROW, THROW_REF,
                    UNREACHABLE -> true;
            default -> false;
        };
    }

    /**
     * The cost of each region: [0] the function outside its loops, then each loop's body in the order the loops
     * start. {@code end} and {@code else} are free; a region costs at least one.
     */
    static long[] regionCosts(List<AnnotatedInstruction> instructions) {
        int loops = (int) instructions.stream().filter(i -> i.opcode() == OpCode.LOOP).count();
        long[] costs = new long[loops + 1];
        // The open blocks: for each, the region it charges to (a loop opens its own; others keep their parent's).
        var open = new ArrayList<Integer>();
        int current = 0;
        int next = 0;
        for (AnnotatedInstruction instruction : instructions) {
            switch (instruction.opcode()) {
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

    /** {@code fuel -= cost; if (fuel < 0) unreachable}: from the global at entry, else from where the fuel is. */
    private void charge(boolean entry, long cost) {
        fuel(entry);
        out.write(I64_CONST);
        s64(out, cost);
        out.write(I64_SUB);
        spend();
    }

    /** With the length operand of a bulk operation on top of the stack: {@code fuel -= length >> shift; ...}. */
    private void chargeLength() {
        out.write(LOCAL_TEE);
        u32(out, scratchLocal);
        fuel(false);
        out.write(LOCAL_GET);
        u32(out, scratchLocal);
        out.write(I64_EXTEND_I32_U);
        out.write(I64_CONST);
        s64(out, BULK_SHIFT);
        out.write(I64_SHR_U);
        out.write(I64_SUB);
        spend();
    }

    /** Pushes the fuel left: the global's at entry or when the function keeps it there, else the local's. */
    private void fuel(boolean entry) {
        out.write(inLocal && !entry ? LOCAL_GET : GLOBAL_GET);
        u32(out, inLocal && !entry ? fuelLocal : fuelGlobal);
    }

    /** With the fuel left on top of the stack: keep it, and trap when it is negative (the global holding it then). */
    private void spend() {
        out.write(LOCAL_TEE);
        u32(out, fuelLocal);
        if (!inLocal) {
            out.write(GLOBAL_SET);
            u32(out, fuelGlobal);
            out.write(LOCAL_GET);
            u32(out, fuelLocal);
        }
        out.write(I64_CONST);
        out.write(0);
        out.write(I64_LT_S);
        out.write(IF);
        out.write(EMPTY_BLOCK);
        if (inLocal) {
            store();
        }
        out.write(UNREACHABLE);
        out.write(END);
    }

    /** {@code global = local}: the fuel where callees and the host read it. */
    private void store() {
        out.write(LOCAL_GET);
        u32(out, fuelLocal);
        out.write(GLOBAL_SET);
        u32(out, fuelGlobal);
    }

    /** {@code local = global}: the fuel as a callee left it. */
    private void load() {
        out.write(GLOBAL_GET);
        u32(out, fuelGlobal);
        out.write(LOCAL_SET);
        u32(out, fuelLocal);
    }

    /**
     * {@code memory.grow} (the bytes from {@code from} to {@code to}: its opcode and memory index) that returns -1
     * without growing when the memory would pass the pages in the grow global: {@code local.tee; i64.extend_i32_u;
     * memory.size; i64.extend_i32_u; i64.add; global.get; i64.gt_u; if (result i32) i32.const -1 else local.get;
     * memory.grow end}.
     */
    private void guardedGrow(byte[] module, int from, int to) {
        out.write(LOCAL_TEE);
        u32(out, scratchLocal);
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
        u32(out, scratchLocal);
        out.write(MEMORY_GROW);
        out.write(module, from + 1, to - from - 1);
        out.write(END);
    }
}

package dev.plinth.lang.wasm.internal.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.GuestLimit;
import dev.plinth.lang.wasm.internal.failure.GuestLimitException;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import dev.plinth.lang.wasm.internal.testing.TestGuests;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where calls are charged ({@link FuelInstrumenter}, {@link EntryCosts}): internal functions by their callers, once
 * per stretch of straight-line code; functions entered from outside (the host, tables) at their entry; split functions
 * at both, never twice. Each rule in the compiler and in the interpreter, with the exact fuel a call spends.
 */
class CallChargesTest {

    private static final WatAssembler WAT = WatAssembler.load();
    /** fib, exported and calling itself: split into an entry (the export) and a body (the recursive calls). */
    private static final String FIB = "(module\n" + TestGuests.FIB + ")";

    private static Guest guest(boolean compiled, String wat, long perCall) {
        return TestGuests.guest(compiled, wat, perCall, 100, 64L << 20, e -> { });
    }

    /** Calls an export that recurses without end: it must run out of its fuel, long before the stack's depth. */
    private static void assertRunsOutOfFuel(Guest guest, String export, long fuel) {
        var e = assertThrows(GuestLimitException.class, () -> guest.call(CallKind.EVENT, export));
        assertEquals(GuestLimit.CALL_FUEL, e.limit(), "fuel, not a stack overflow: " + e.getMessage());
        assertEquals("t: test.wat: " + export + ": fuel per call exhausted (" + fuel + " instructions)",
                e.getMessage());
    }

    /** fib's entry cost: local.get, i32.const, i32.lt_s, if, local.get, and 9 in the else branch. */
    private static final long FIB_COST = 14;

    private static long calls(int n) {
        return n < 2 ? 1 : 1 + calls(n - 1) + calls(n - 2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyCallOfARecursiveExportIsChargedItsEntryCostOnce(boolean compiled) {
        Guest guest = guest(compiled, FIB, 10_000_000);
        assertArrayEquals(new long[] {6765}, guest.call(CallKind.EVENT, "fib", 20));
        assertEquals(FIB_COST * calls(20), guest.meter().lastUsed(), "the host's call at the entry, the others at"
                + " their sites, together as if each call were charged at its entry");
        assertArrayEquals(new long[] {1}, guest.call(CallKind.EVENT, "fib", 1));
        assertEquals(FIB_COST, guest.meter().lastUsed(), "a call making no call pays at its entry only");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRecursionOfAnExportRunsOutOfFuel(boolean compiled) {
        Guest guest = guest(compiled, FIB, 100_000);
        var e = assertThrows(GuestLimitException.class, () -> guest.call(CallKind.EVENT, "fib", 40));
        assertEquals(GuestLimit.CALL_FUEL, e.limit());
        assertEquals(100_000, guest.meter().lastUsed());
        assertArrayEquals(new long[] {55}, guest.call(CallKind.EVENT, "fib", 10), "the instance goes on");
    }

    /** Internal functions only, calling each other without end: no loop, no entry charge of their own. */
    private static final String ENDLESS = """
            (module
              (func $ping (param i32) (result i32) (call $pong (i32.add (local.get 0) (i32.const 1))))
              (func $pong (param i32) (result i32) (call $ping (local.get 0)))
              (func (export "run") (result i32) (call $ping (i32.const 0))))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRecursionThroughInternalFunctionsRunsOutOfFuelBeforeTheStack(boolean compiled) {
        assertRunsOutOfFuel(guest(compiled, ENDLESS, 1200), "run", 1200); // 200 rounds
    }

    /**
     * {@code $step} is in a table and calls itself through it: every call enters through {@code call_indirect}, so
     * {@code $step} charges at its own entry. {@code $inc} is in the table and called directly too: split.
     */
    private static final String TABLE = """
            (module
              (type $unary (func (param i32) (result i32)))
              (table 2 funcref)
              (elem (i32.const 0) $step $inc)
              (func $step (param i32) (result i32)
                (call_indirect (type $unary) (i32.add (local.get 0) (i32.const 1)) (i32.const 0)))
              (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func (export "spin") (result i32) (call_indirect (type $unary) (i32.const 0) (i32.const 0)))
              (func (export "indirect") (param i32) (result i32)
                (call_indirect (type $unary) (local.get 0) (i32.const 1)))
              (func (export "direct") (param i32) (result i32) (call $inc (call $inc (local.get 0)))))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRecursionThroughATableRunsOutOfFuel(boolean compiled) {
        assertRunsOutOfFuel(guest(compiled, TABLE, 1000), "spin", 1000); // 200 calls
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFunctionInATableIsChargedOnceWhetherCalledThroughTheTableOrDirectly(boolean compiled) {
        Guest guest = guest(compiled, TABLE, 1_000_000);
        assertArrayEquals(new long[] {8}, guest.call(CallKind.EVENT, "indirect", 7));
        // indirect: local.get, i32.const, call_indirect; $inc at its entry: local.get, i32.const, i32.add
        assertEquals(3 + 3, guest.meter().lastUsed());
        assertArrayEquals(new long[] {9}, guest.call(CallKind.EVENT, "direct", 7));
        // direct: local.get, call, call; $inc's body twice, charged at the calls
        assertEquals(3 + 2 * 3, guest.meter().lastUsed());
    }

    /** An internal function called only in a branch. */
    private static final String BRANCH = """
            (module
              (func $leaf (result i32) (i32.const 1))
              (func (export "pick") (param i32) (result i32)
                (if (result i32) (local.get 0)
                  (then (i32.add (call $leaf) (call $leaf)))
                  (else (i32.const 0)))))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void callsInABranchThatDoesNotRunAreNotCharged(boolean compiled) {
        Guest guest = guest(compiled, BRANCH, 1_000_000);
        assertArrayEquals(new long[] {0}, guest.call(CallKind.EVENT, "pick", 0));
        // pick: local.get, if, call, call, i32.add, i32.const (both branches count, as before)
        assertEquals(6, guest.meter().lastUsed());
        assertArrayEquals(new long[] {2}, guest.call(CallKind.EVENT, "pick", 1));
        assertEquals(6 + 2, guest.meter().lastUsed(), "and the leaf's entry twice");
    }

    @Test
    void splitFunctionsKeepTheirIndexAsTheirEntryAndGetTheirBodyAppended() {
        byte[] binary = WAT.assemble("t.wat", TABLE.getBytes(StandardCharsets.UTF_8));
        var parsed = Parser.parse(binary);
        var metered = FuelInstrumenter.instrument(binary, parsed);
        var module = Parser.parse(metered.bytes());
        assertEquals(parsed.functionSection().functionCount() + 1, module.functionSection().functionCount(),
                "$inc's body appended; $step is only entered through the table and stays whole");
        assertEquals(5, metered.firstBody());
        assertEquals(1, metered.original(5), "the appended body stands for $inc");
        assertEquals(4, metered.original(4));
        assertEquals(module.functionSection().getFunctionType(1), module.functionSection().getFunctionType(5));
        assertTrue(FuelInstrumenter.instrument(WAT.assemble("b.wat", BRANCH.getBytes(StandardCharsets.UTF_8)),
                Parser.parse(WAT.assemble("b.wat", BRANCH.getBytes(StandardCharsets.UTF_8)))).splitFunctions()
                .length == 0, "an internal function is not split");
    }
}

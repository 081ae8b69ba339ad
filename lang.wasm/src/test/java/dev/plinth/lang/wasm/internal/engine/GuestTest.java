package dev.plinth.lang.wasm.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.wasm.internal.failure.GuestBusyException;
import dev.plinth.lang.wasm.internal.failure.GuestLimit;
import dev.plinth.lang.wasm.internal.failure.GuestLimitException;
import dev.plinth.lang.wasm.internal.failure.GuestTrapException;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import dev.plinth.lang.wasm.internal.module.TableCap;
import dev.plinth.lang.wasm.internal.testing.TestGuests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class GuestTest {

    private final List<PluginException> fatal = new ArrayList<>();

    private Guest guest(boolean compiled, String wat, long perCall) {
        return guest(compiled, wat, perCall, 64L << 20);
    }

    private Guest guest(boolean compiled, String wat, long perCall, long maxCallAllocBytes) {
        return TestGuests.guest(compiled, wat, perCall, 3, maxCallAllocBytes, fatal::add);
    }

    private static final String FIB = "(module\n" + TestGuests.FIB + """
              (func (export "spin") (loop $l (br $l)))
              (func (export "trap") unreachable)
              (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
              (func $deep (export "deep") (param i32) (result i32) (call $deep (i32.add (local.get 0) (i32.const 1))))
              (memory (export "memory") 1)
              (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 7) (local.get 0)))
              (func (export "oob") (result i32) (i32.load (i32.const 70000))))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldComputeWithinItsFuel(boolean compiled) {
        Guest guest = guest(compiled, FIB, 10_000_000);
        assertArrayEquals(new long[] {6765}, guest.call(CallKind.EVENT, "fib", 20));
        assertTrue(guest.meter().lastUsed() > 21_891, "every call charged: " + guest.meter().lastUsed());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldStopAnEndlessLoopWhenItsFuelRunsOut(boolean compiled) {
        Guest guest = guest(compiled, FIB, 100_000);
        var e = assertThrows(GuestLimitException.class, () -> guest.call(CallKind.EVENT, "spin"));
        assertEquals(GuestLimit.CALL_FUEL, e.limit());
        assertEquals("t: test.wat: spin: fuel per call exhausted (100000 instructions)", e.getMessage());
        assertArrayEquals(new long[] {55}, guest.call(CallKind.EVENT, "fib", 10), "the instance goes on");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldTurnTrapsIntoExceptionsNamingTheExport(boolean compiled) {
        Guest guest = guest(compiled, FIB, 100_000_000);
        assertEquals("t: test.wat: trap trapped: unreachable executed",
                assertThrows(GuestTrapException.class, () -> guest.call(CallKind.EVENT, "trap")).getMessage());
        assertTrue(assertThrows(GuestTrapException.class, () -> guest.call(CallKind.EVENT, "div", 0)).getMessage()
                .contains("divide by zero"));
        var deep = assertThrows(PluginException.class, () -> guest.call(CallKind.EVENT, "deep", 0));
        assertTrue(deep.getMessage().contains("deep"), deep.getMessage());
        assertEquals(1, fatal.size(), "three offences stop the resource");
    }

    /** A loop calling a leaf function: the loop keeps its fuel in a local, the leaf spends from the global. */
    private static final String LOOPED = """
            (module
              (func $leaf (result i32) (i32.const 1))
              (func (export "looped") (param $n i32) (result i32)
                (local $s i32)
                (loop $l
                  (local.set $s (i32.add (local.get $s) (call $leaf)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br_if $l (local.get $n)))
                (local.get $s))
              (func (export "early") (param $n i32) (result i32)
                (loop $l
                  (if (i32.eqz (local.get $n)) (then (return (call $leaf))))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $l))
                (i32.const 0)))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLoopKeepingItsFuelInALocalIsChargedExactlyWithWhatItsCalleesSpend(boolean compiled) {
        Guest guest = guest(compiled, LOOPED, 1_000_000);
        assertEquals(5, (int) guest.call(CallKind.EVENT, "looped", 5)[0]);
        // entry: loop, local.get (2); each iteration: 10 of its own and the leaf's 1
        assertEquals(2 + 5 * (10 + 1), guest.meter().lastUsed());
        assertEquals(1, (int) guest.call(CallKind.EVENT, "early", 3)[0]);
        // entry: loop, i32.const (2); each of 4 iterations: 10 (the if counts all its branches); the leaf once
        assertEquals(2 + 4 * 10 + 1, guest.meter().lastUsed(), "a return from inside the loop stores the fuel");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLoopCallingAFunctionRunsOutOfFuelAsACallOffence(boolean compiled) {
        Guest guest = guest(compiled, LOOPED, 1000);
        var e = assertThrows(GuestLimitException.class, () -> guest.call(CallKind.EVENT, "looped", 1_000_000));
        assertEquals(GuestLimit.CALL_FUEL, e.limit());
        assertEquals(1000, guest.meter().lastUsed(), "the call is charged its whole budget");
        assertEquals(3, (int) guest.call(CallKind.EVENT, "looped", 3)[0], "the instance goes on");
    }

    /** Grows the memory by 4 pages at a time, {@code times} times in one call: the last result, or -1 at once. */
    private static final String GROWER = """
            (module
              (memory (export "memory") 1)
              (func $grow (export "grow") (param $times i32) (result i32)
                (local $r i32)
                (block $done (loop $again
                  (br_if $done (i32.eqz (local.get $times)))
                  (local.set $r (memory.grow (i32.const 4)))
                  (br_if $done (i32.eq (local.get $r) (i32.const -1)))
                  (local.set $times (i32.sub (local.get $times) (i32.const 1)))
                  (br $again)))
                (local.get $r))
              (func (export "huge") (result i32) (memory.grow (i32.const -1))))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void oneCallGrowsTheMemoryByAtMostItsAllocationLimitAndTheNextCallMayGrowAgain(boolean compiled) {
        Guest guest = guest(compiled, GROWER, 1_000_000, 10 * 65536L); // 10 pages per call
        assertEquals(5, (int) guest.call(CallKind.EVENT, "grow", 2)[0], "8 pages fit in the call's 10");
        assertEquals(9, guest.memory().orElseThrow().pages());
        assertEquals(-1, (int) guest.call(CallKind.EVENT, "grow", 3)[0], "the third 4 pages would pass 10");
        assertEquals(17, guest.memory().orElseThrow().pages(), "the first two of that call were grown");
        assertEquals(17, (int) guest.call(CallKind.EVENT, "grow", 1)[0], "a new call may grow again");
        assertEquals(-1, (int) guest.call(CallKind.EVENT, "huge")[0], "4 GiB of pages in one go");
        assertEquals(21, guest.memory().orElseThrow().pages());
        assertTrue(fatal.isEmpty(), "a refused growth is no offence: the module sees -1, as at its maximum");
    }

    /** A table of one entry, growing by what it is told. */
    private static final String TABLE = """
            (module
              (table $t 1 funcref)
              (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
              (func (export "size") (result i32) (table.size $t)))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTableGrowsToAtMostItsCapAndGrowingPastItReturnsMinusOne(boolean compiled) {
        Guest guest = guest(compiled, TABLE, 1_000_000);
        // Chicory allows 10 million entries a table: 9 million cost 72 MB of Java heap, outside the memory limit
        assertEquals(-1, (int) guest.call(CallKind.EVENT, "grow", 9_000_000)[0]);
        assertEquals(1, (int) guest.call(CallKind.EVENT, "size")[0]);
        assertEquals(1, (int) guest.call(CallKind.EVENT, "grow", TableCap.MAX_ENTRIES - 1)[0], "up to the cap");
        assertEquals(-1, (int) guest.call(CallKind.EVENT, "grow", 1)[0], "one past it");
        assertEquals(TableCap.MAX_ENTRIES, (int) guest.call(CallKind.EVENT, "size")[0]);
        assertEquals(1, (int) guest(compiled, TABLE, 1_000_000).call(CallKind.EVENT, "size")[0],
                "another instance of the module starts with the declared table, not the grown one");
        assertTrue(fatal.isEmpty(), "a refused growth is no offence: the module sees -1, as at its maximum");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldChargeBulkMemoryOperationsByLength(boolean compiled) {
        Guest guest = guest(compiled, FIB, 1000);
        guest.call(CallKind.EVENT, "fill", 1024);
        var e = assertThrows(GuestLimitException.class, () -> guest.call(CallKind.EVENT, "fill", 65536));
        assertEquals(GuestLimit.CALL_FUEL, e.limit());
        assertTrue(assertThrows(GuestTrapException.class, () -> guest.call(CallKind.EVENT, "oob")).getMessage()
                .contains("out of bounds"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCallWaitsForAnotherThreadsCallAtMostItsBoundAndIsNoOffence(boolean compiled) throws Exception {
        var bounds = new FuelMeter.Bounds(Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofMinutes(1));
        Guest guest = TestGuests.guest(compiled, FIB, 1_000_000, 1, 64L << 20, fatal::add, bounds);
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // a stop on a worker thread holds the module; a host function on that thread calls back into it
        var stop = CompletableFuture.supplyAsync(() -> guest.call(CallKind.STOP, "on_disable", () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return guest.call(CallKind.EVENT, "fib", 10);
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        long waited = System.nanoTime();
        var busy = assertThrows(GuestBusyException.class, () -> guest.call(CallKind.EVENT, "fib", 10));
        assertTrue(System.nanoTime() - waited >= TimeUnit.MILLISECONDS.toNanos(200), "it waited its bound");
        assertEquals("t: test.wat: fib did not run: the resource is busy on another thread for longer than 200 ms",
                busy.getMessage());
        release.countDown();
        assertArrayEquals(new long[] {55}, stop.get(10, TimeUnit.SECONDS), "the nested call ran on the holder's thread");
        assertArrayEquals(new long[] {55}, guest.call(CallKind.EVENT, "fib", 10), "the lock is free again");
        assertEquals(0, guest.meter().account().offences(), "a call that did not run is no offence");
        assertTrue(fatal.isEmpty());
    }
}

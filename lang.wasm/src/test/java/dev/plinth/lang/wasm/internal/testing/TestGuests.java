package dev.plinth.lang.wasm.internal.testing;

import com.dylibso.chicory.runtime.ImportValues;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import dev.plinth.lang.wasm.internal.module.ModuleLoader;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** Instances of text modules for tests, metered and prepared as the host does, without imports. */
public final class TestGuests {

    /** The wall-clock bounds of the tests' calls: long, the tests interrupt by other means. */
    public static final FuelMeter.Bounds BOUNDS = new FuelMeter.Bounds(Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(1));

    /** {@code fib}, exported and calling itself twice. */
    public static final String FIB = """
            (func $fib (export "fib") (param i32) (result i32)
              (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
                (then (local.get 0))
                (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                               (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
            """;

    private static final WatAssembler WAT = WatAssembler.load();

    private TestGuests() {}

    /**
     * Instantiates a module of 256 pages at most, named {@code t: test.wat}.
     *
     * @param compiled whether it is compiled or interpreted
     * @param wat its text
     * @param perCall the fuel of a call (and of the start); a tick has ten times as much
     * @param maxOffences the offences that stop the resource
     * @param maxCallAllocBytes the memory one call may grow
     * @param fatal told when the offences stop the resource
     * @return the instance
     */
    public static Guest guest(boolean compiled, String wat, long perCall, int maxOffences, long maxCallAllocBytes,
            Consumer<PluginException> fatal) {
        return guest(compiled, wat, perCall, maxOffences, maxCallAllocBytes, fatal, BOUNDS);
    }

    /**
     * Instantiates a module as {@link #guest(boolean, String, long, int, long, Consumer)} does, with given wall-clock
     * bounds.
     *
     * @param compiled whether it is compiled or interpreted
     * @param wat its text
     * @param perCall the fuel of a call (and of the start); a tick has ten times as much
     * @param maxOffences the offences that stop the resource
     * @param maxCallAllocBytes the memory one call may grow
     * @param fatal told when the offences stop the resource
     * @param bounds the wall-clock bounds of its calls (never enforced here: the test watchdog does not fire)
     * @return the instance
     */
    public static Guest guest(boolean compiled, String wat, long perCall, int maxOffences, long maxCallAllocBytes,
            Consumer<PluginException> fatal, FuelMeter.Bounds bounds) {
        var module = new ModuleLoader(compiled, WAT, new TestProgress())
                .load("t", "test.wat", wat.getBytes(StandardCharsets.UTF_8), 256);
        var meter = new FuelMeter(FuelLimits.of(perCall, perCall, perCall * 10), bounds, () -> 0,
                new TestAccount("t", perCall * 10), new TestWatchdog().watch("t", o -> { }));
        return Guest.instantiate("t: test.wat", module, ImportValues.empty(), meter, maxOffences, maxCallAllocBytes,
                fatal);
    }
}

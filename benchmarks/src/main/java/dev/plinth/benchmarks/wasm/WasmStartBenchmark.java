package dev.plinth.benchmarks.wasm;

import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The start of a small plugin as the host does it, sampled (the percentiles are the point; target p50 &le; 50 ms):
 * preparing its module (parse, meter, compile to JVM bytecode) and starting it (link, instantiate, enable), then
 * stopping it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class WasmStartBenchmark {

    private WasmBench bench;
    private byte[] binary;

    /** Assembles the small plugin once. */
    @Setup(Level.Trial)
    public void setUp() {
        bench = new WasmBench();
        binary = bench.binary(WasmBench.SMALL);
    }

    /** Stops the watchdog. */
    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
    }

    /** Prepare, start and stop a small plugin, compiled. */
    @Benchmark
    public WasmPlugin wasmStartSmallPlugin() {
        WasmPlugin plugin = bench.start("small", bench.prepare(binary, true));
        plugin.stop();
        return plugin;
    }
}

package dev.plinth.benchmarks.js;

import dev.plinth.lang.js.internal.engine.JsScript;
import java.util.Map;
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
 * A JavaScript resource's start on a warm shared engine: a new sandboxed context, its entry module (which imports a
 * second one) evaluated, the context closed again. Sampled, so JMH reports the percentiles (the issue asks p50
 * &le; 50 ms).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JsStartBenchmark {

    static final Map<String, String> FILES = Map.of(
            "main.js", """
                    import { Greeter } from './greeter.js';
                    const greeter = new Greeter('Welcome');
                    export function onAttach() { return greeter.greet('server'); }
                    """,
            "greeter.js", """
                    export class Greeter {
                      constructor(prefix) { this.prefix = prefix; }
                      greet(name) { return `${this.prefix}, ${name}!`; }
                    }
                    """);

    private BenchRuntime runtime;

    /** Builds the shared engine. */
    @Setup(Level.Trial)
    public void setUp() {
        runtime = new BenchRuntime();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** One resource start and stop. */
    @Benchmark
    public boolean jsStart() {
        try (JsScript script = runtime.script("bench", FILES)) {
            script.evalModule("main.js");
            return script.isClosed();
        }
    }
}

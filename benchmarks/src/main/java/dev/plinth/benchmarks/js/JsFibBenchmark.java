package dev.plinth.benchmarks.js;

import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
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
 * CPU-heavy JavaScript: fib(25) in a resource's bounded context (statement counting on, the Graal JIT compiling it)
 * against the same function in Java ({@code fibJava}), and in a context whose engine does not compile
 * ({@code fibInterpreted}, {@code engine.Compilation=false}: what a JVM without the Graal JIT gets), and the same
 * module in a plain GraalJS context ({@code fibGraalJs}: no meter, no sandbox), which splits the ratio into what
 * GraalJS costs and what Plinth adds. The ratio the issue asks for: fibJs / fibJava &le; 3, with the interpreter
 * figure beside it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class JsFibBenchmark {

    static final String SOURCE = "export function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }";

    private BenchRuntime runtime;
    private JsScript script;
    private Value fib;
    private org.graalvm.polyglot.Engine interpretedEngine;
    private org.graalvm.polyglot.Context interpreted;
    private Value interpretedFib;
    private org.graalvm.polyglot.Engine plainEngine;
    private org.graalvm.polyglot.Context plain;
    private Value plainFib;

    /** Builds the resource's context and the interpreter-only one. */
    @Setup(Level.Trial)
    public void setUp() {
        runtime = new BenchRuntime();
        script = runtime.script("bench", Map.of("main.js", SOURCE));
        Value exports = script.evalModule("main.js");
        fib = script.call(Budget.CALL, c -> exports.getMember("fib"));
        interpretedEngine = SharedEngine.withPolyglotLoader(() -> org.graalvm.polyglot.Engine.newBuilder("js")
                .allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                .option("engine.Compilation", "false").build());
        interpreted = org.graalvm.polyglot.Context.newBuilder("js").engine(interpretedEngine).build();
        interpretedFib = interpreted.eval("js", "(function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); })");
        plainEngine = SharedEngine.withPolyglotLoader(() -> org.graalvm.polyglot.Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false").build());
        plain = org.graalvm.polyglot.Context.newBuilder("js").engine(plainEngine)
                .option("js.esm-eval-returns-exports", "true").build();
        plainFib = plain.eval(org.graalvm.polyglot.Source.newBuilder("js", SOURCE, "main.mjs").buildLiteral())
                .getMember("fib");
        long until = System.nanoTime() + JsBenchmark.WARM_UP_NANOS;
        while (System.nanoTime() < until) {
            fibJs();
            fibGraalJs();
        }
    }

    /** Closes the contexts and engines. */
    @TearDown(Level.Trial)
    public void tearDown() {
        script.close();
        runtime.close();
        interpreted.close();
        interpretedEngine.close();
        plain.close();
        plainEngine.close();
    }

    /**
     * fib(25), the same module, in a plain GraalJS context with the JIT: no statement meter, no sandbox, no bounded
     * call. What GraalJS itself costs, so that fibJs / fibGraalJs is what Plinth adds.
     */
    @Benchmark
    public Value fibGraalJs() {
        return plainFib.execute(25);
    }

    /** fib(25) in a JavaScript resource's context. */
    @Benchmark
    public Value fibJs() {
        return script.call(Budget.CALL, fib, 25);
    }

    /** fib(25) interpreted by GraalJS, without the JIT. */
    @Benchmark
    public Value fibInterpreted() {
        return interpretedFib.execute(25);
    }

    /** fib(25) in Java. */
    @Benchmark
    public int fibJava() {
        return fibJava(25);
    }

    private static int fibJava(int n) {
        return n < 2 ? n : fibJava(n - 1) + fibJava(n - 2);
    }
}

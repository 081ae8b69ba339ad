package dev.plinth.benchmarks;

import dev.plinth.benchmarks.lua.LuaStartRatio;
import dev.plinth.benchmarks.molang.MolangTable;
import dev.plinth.benchmarks.sandbox.AccountingRatios;
import dev.plinth.benchmarks.wasm.WasmFootprint;
import dev.plinth.benchmarks.wasm.WasmRatios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one JMH run, writes the raw results as JMH JSON and prints the ratio table
 * ({@link RatioTable}). Started by {@code ./plinthw -pl benchmarks -am -Pbench verify}.
 *
 * <p>Sized for about five minutes on two cores: one fork per benchmark, 3 warm-up ({@value #WARMUPS_PROPERTY}) and 5
 * measured iterations of one second each, with JMH's GC profiler for the bytes allocated per operation. That is short
 * for publication-grade numbers (errors of a few percent); raise the counts for that.
 */
public final class BenchMain {

    /** The system property with the number of JVMs each benchmark runs in (default 1). */
    static final String FORKS_PROPERTY = "plinth.bench.forks";
    /** The system property with the number of warm-up iterations of each benchmark (default 3). */
    static final String WARMUPS_PROPERTY = "plinth.bench.warmups";

    private BenchMain() {}

    /**
     * Runs the benchmarks.
     *
     * @param args the JSON result file, the Felix EventAdmin bundle, optionally a JMH include pattern and the folder of
     *     the Graal compiler jars (the JIT for the JavaScript benchmarks)
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BenchMain RESULT.json EVENTADMIN.jar [INCLUDE-REGEX [GRAAL-COMPILER-DIR]]");
            System.exit(64);
        }
        Path result = Path.of(args[0]).toAbsolutePath();
        Path eventAdmin = Path.of(args[1]).toAbsolutePath();
        String include = args.length > 2 ? args[2] : "dev\\.plinth\\.benchmarks\\..*";
        // The Graal compiler's folder: the forks run GraalJS with the JIT, as bin/plinth does.
        String[] jit = args.length > 3 ? new String[] {"-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + Path.of(args[3]).toAbsolutePath(), "--enable-native-access=ALL-UNNAMED"}
                : new String[0];
        Files.createDirectories(result.getParent());
        var options = new OptionsBuilder()
                .include(include)
                .forks(Integer.getInteger(FORKS_PROPERTY, 1))
                .warmupIterations(Integer.getInteger(WARMUPS_PROPERTY, 3))
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.NANOSECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(java.util.stream.Stream.concat(java.util.stream.Stream.of("-Xms1g", "-Xmx1g",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-D" + EmbeddedEventAdmin.BUNDLE_PROPERTY + "=" + eventAdmin), java.util.Arrays.stream(jit))
                        .toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString())
                .shouldFailOnError(true)
                .build();
        new Runner(options).run();
        System.out.println();
        System.out.println(RatioTable.from(result).render());
        System.out.println(MolangTable.from(result).render());
        String wasm = WasmRatios.from(result).render();
        if (!wasm.isEmpty()) {
            System.out.println(wasm);
            System.out.println(WasmFootprint.measure());
        }
        String accounting = AccountingRatios.from(result).render();
        if (!accounting.isEmpty()) {
            System.out.println(accounting);
        }
        String luaStart = LuaStartRatio.from(result).render();
        if (!luaStart.isEmpty()) {
            System.out.println(luaStart);
        }
        System.out.println("Raw results: " + result);
    }
}

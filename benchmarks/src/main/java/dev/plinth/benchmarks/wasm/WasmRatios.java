package dev.plinth.benchmarks.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WebAssembly part of the table printed after a benchmark run, read from JMH's JSON results: each contender's
 * time, and the ratios the issue sets targets for (compiled mode), with the interpreter beside them.
 *
 * @param scores score per {@code method/mode} (ns per operation; the start benchmark's p50 in ms)
 */
public record WasmRatios(Map<String, Double> scores) {

    /**
     * Reads JMH's JSON results.
     *
     * @param json the file
     * @return the ratios, empty when the run had no WebAssembly benchmark
     * @throws IOException when it cannot be read
     */
    public static WasmRatios from(Path json) throws IOException {
        var scores = new HashMap<String, Double>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String method = run.path("benchmark").asText().replaceAll(".*\\.", "");
            if (!method.startsWith("wasm")) {
                continue;
            }
            JsonNode primary = run.path("primaryMetric");
            double score = method.equals("wasmStartSmallPlugin")
                    ? primary.path("scorePercentiles").path("50.0").asDouble(Double.NaN)
                            / perMillisecond(primary.path("scoreUnit").asText())
                    : primary.path("score").asDouble();
            scores.put(method + "/" + run.path("params").path("mode").asText(""), score);
        }
        return new WasmRatios(scores);
    }

    /** How many of a score's unit make a millisecond (the run's time unit overrides the benchmark's own). */
    private static double perMillisecond(String unit) {
        return switch (unit.replace("/op", "")) {
            case "ns" -> 1e6;
            case "us" -> 1e3;
            case "s" -> 1e-3;
            default -> 1;
        };
    }

    /** {@return the table, or an empty string when there is nothing to show} */
    public String render() {
        if (scores.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("WebAssembly (Chicory 1.7.5), average ns per operation\n");
        for (String mode : new String[] {"compiled", "interpreted"}) {
            out.append(String.format(Locale.ROOT, "  %s:", mode));
            for (String method : new String[] {"wasmDispatchJoin", "wasmCallJoin", "wasmRawJoin",
                    "wasmDispatchChat", "wasmRawChat", "wasmHostCalls", "wasmRawHostCalls",
                    "wasmFib", "wasmFibUnmetered"}) {
                get(method, mode).ifPresent(s -> out.append(String.format(Locale.ROOT, " %s %.1f,", method, s)));
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        get("wasmFibJava", "compiled").ifPresent(s -> out.append(String.format(Locale.ROOT, "  Java fib(25): %.1f%n", s)));
        out.append("Targets\n");
        target(out, "event dispatched to a handler / raw export call", "wasmDispatchChat", "wasmRawChat", "compiled",
                1.2);
        target(out, "  the same, a trivial join handler", "wasmDispatchJoin", "wasmRawJoin", "compiled", 1.2);
        target(out, "  the host's call alone (no bus), join handler", "wasmCallJoin", "wasmRawJoin", "compiled",
                Double.NaN);
        target(out, "host call (mc_get_player_name) / raw host function", "wasmHostCalls", "wasmRawHostCalls",
                "compiled", 1.3);
        target(out, "fib(25) compiled and metered / Java", "wasmFib", "wasmFibJava", "compiled", 1.5);
        target(out, "fib(25) metered / unmetered, compiled", "wasmFib", "wasmFibUnmetered", "compiled", 1.3);
        target(out, "fib(25) metered / unmetered, interpreted", "wasmFib", "wasmFibUnmetered", "interpreted",
                Double.NaN);
        get("wasmStartSmallPlugin", "").ifPresent(p50 -> out.append(String.format(Locale.ROOT,
                "    %-52s %8.2f ms  target <= 50 ms   %s%n", "start of a small plugin, p50", p50,
                p50 <= 50 ? "met" : "MISSED")));
        return out.toString();
    }

    private void target(StringBuilder out, String label, String slower, String faster, String mode, double bound) {
        var a = get(slower, mode);
        var b = mode.equals("compiled") && faster.equals("wasmFibJava") ? get(faster, "compiled") : get(faster, mode);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double ratio = a.get() / b.get();
        out.append(String.format(Locale.ROOT, "    %-52s %8.2fx  %s%n", label, ratio, Double.isNaN(bound)
                ? "(reported)" : "target <= " + bound + "x  " + (ratio <= bound ? "met" : "MISSED")));
    }

    private Optional<Double> get(String method, String mode) {
        return Optional.ofNullable(scores.get(method + "/" + mode));
    }
}

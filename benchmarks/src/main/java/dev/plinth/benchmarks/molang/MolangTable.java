package dev.plinth.benchmarks.molang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Molang table printed after a benchmark run, read from JMH's JSON results: each formula by each contender,
 * the ratios the issue sets targets for, the tick and the compile times. Empty when the run had no Molang
 * benchmark.
 *
 * @param results score (ns/op), error and allocation (B/op) by {@code method/param}
 */
public record MolangTable(Map<String, Result> results) {

    /** One result: {@code ns} ± {@code error} per operation, {@code bytes} allocated. */
    record Result(double ns, double error, double bytes) {}

    private static final List<String> FORMULAS = List.of("sin", "ratio", "assign", "program");
    private static final List<String> CONTENDERS = List.of("handWritten", "plinthBytecode", "plinthTree", "mocha");

    /**
     * Reads JMH's JSON results.
     *
     * @param json the file
     * @return the table
     * @throws IOException when it cannot be read
     */
    public static MolangTable from(Path json) throws IOException {
        var results = new LinkedHashMap<String, Result>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = run.path("benchmark").asText();
            if (!benchmark.contains(".molang.")) {
                continue;
            }
            String method = benchmark.replaceAll(".*\\.", "");
            JsonNode params = run.path("params");
            String param = params.path("formula").asText(params.path("backend").asText(""));
            JsonNode primary = run.path("primaryMetric");
            double bytes = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
            results.put(method + "/" + param,
                    new Result(primary.path("score").asDouble(), primary.path("scoreError").asDouble(), bytes));
        }
        return new MolangTable(results);
    }

    private Optional<Result> get(String method, String param) {
        return Optional.ofNullable(results.get(method + "/" + param));
    }

    /**
     * The table as text.
     *
     * @return the table, or the empty string without Molang results
     */
    public String render() {
        if (results.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("Molang: one evaluation against one entity (ns/op, B/op)\n");
        out.append(String.format(Locale.ROOT, "%-9s %-16s %10s %8s %8s %12s%n", "formula", "contender", "ns/op",
                "± ns", "B/op", "x hand"));
        for (String formula : FORMULAS) {
            for (String contender : CONTENDERS) {
                get(contender, formula).ifPresent(r -> out.append(String.format(Locale.ROOT,
                        "%-9s %-16s %10.2f %8.2f %8.1f %12s%n", formula, contender, r.ns(), r.error(), r.bytes(),
                        get("handWritten", formula).map(h -> ratio(r.ns() / h.ns())).orElse("-"))));
            }
        }
        out.append("\nTargets\n");
        for (String formula : FORMULAS) {
            target(out, "bytecode / hand-written, " + formula, get("plinthBytecode", formula),
                    get("handWritten", formula), 1.5, false);
            target(out, "mocha / bytecode, " + formula, get("mocha", formula), get("plinthBytecode", formula), 1,
                    true);
        }
        for (String backend : List.of("bytecode", "tree")) {
            get("tick", backend).ifPresent(r -> out.append(String.format(Locale.ROOT,
                    "  %-44s %9.3f ms  target <= 0.5 ms  %s%n", "tick: 1000 entities x 20 expressions, " + backend,
                    r.ns() / 1e6, verdict(r.ns() <= 500_000))));
        }
        for (String formula : List.of("sin", "program")) {
            for (String method : List.of("compileBytecode", "compileTree")) {
                get(method, formula).ifPresent(r -> out.append(String.format(Locale.ROOT,
                        "  %-44s %9.1f µs  target <= 50 µs   %s%n", method + ", " + formula, r.ns() / 1e3,
                        verdict(r.ns() <= 50_000))));
            }
        }
        return out.toString();
    }

    private static void target(StringBuilder out, String label, Optional<Result> a, Optional<Result> b, double bound,
            boolean above) {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double ratio = a.get().ns() / b.get().ns();
        boolean met = above ? ratio > bound : ratio <= bound;
        out.append(String.format(Locale.ROOT, "  %-44s %9s    target %s %-6s %s%n", label, ratio(ratio),
                above ? ">" : "<=", ratio(bound), verdict(met)));
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.2fx", ratio);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}

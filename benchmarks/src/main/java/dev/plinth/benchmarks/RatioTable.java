package dev.plinth.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table printed after a benchmark run, read from JMH's JSON results: time and allocation per post of every
 * contender, the ratios the issue sets targets for, and whether each target is met. Other benchmarks in the file
 * (those of other modules) are left out.
 *
 * @param results score (ns/op), error and allocation (B/op) per benchmark method, handler count and classes
 */
record RatioTable(Map<String, Result> results) {

    /** One benchmark with one set of parameters: {@code ns} ± {@code error} per operation, {@code bytes} allocated. */
    record Result(double ns, double error, double bytes) {}

    private static final List<String> CONTENDERS = List.of("handWrittenLoop", "plinth", "plinthListeners", "guava",
            "eventAdminTimeout0", "eventAdminDefault");
    private static final List<String> COUNTS = List.of("1", "10", "100");
    private static final Map<String, String> CLASSES = Map.of(
            "distinct", "handlers of 8 classes: megamorphic calls, as with many plugins",
            "shared", "handlers of 1 class: calls inlined, only the dispatch is measured");

    /**
     * Reads JMH's JSON results.
     *
     * @param json the file
     * @return the table
     * @throws IOException when it cannot be read
     */
    static RatioTable from(Path json) throws IOException {
        var results = new LinkedHashMap<String, Result>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String method = run.path("benchmark").asText().replaceAll(".*\\.", "");
            JsonNode params = run.path("params");
            JsonNode primary = run.path("primaryMetric");
            double bytes = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
            // Sampled benchmarks (a JavaScript resource's start) are compared by their median.
            double score = primary.path("scorePercentiles").has("50.0")
                    ? primary.path("scorePercentiles").path("50.0").asDouble() : primary.path("score").asDouble();
            results.put(key(method, params.path("handlers").asText(""), params.path("classes").asText("")),
                    new Result(score, primary.path("scoreError").asDouble(), bytes));
        }
        return new RatioTable(results);
    }

    /** {@code plinth/10/shared}: the method and its parameters. */
    private static String key(String method, String handlers, String classes) {
        return method + "/" + handlers + "/" + classes;
    }

    /** A dispatch result; the listener benchmark has no {@code classes} (its executors are distinct classes). */
    private Optional<Result> get(String method, String handlers, String classes) {
        String own = method.equals("plinthListeners") ? (classes.equals("distinct") ? "" : "-") : classes;
        return Optional.ofNullable(results.get(key(method, handlers, own)));
    }

    /** The table as text: the event bus's part when a dispatch benchmark ran, then the JavaScript host's. */
    String render() {
        var out = new StringBuilder();
        if (dispatchRan()) {
            dispatch(out);
        }
        javaScript(out);
        return out.toString();
    }

    /** Whether the results hold a dispatch benchmark's (the other benchmarks' method names may start alike). */
    private boolean dispatchRan() {
        return CONTENDERS.stream().anyMatch(contender -> COUNTS.stream().anyMatch(count -> CLASSES.keySet().stream()
                .anyMatch(classes -> get(contender, count, classes).isPresent())));
    }

    /** The event bus's tables and targets. */
    private void dispatch(StringBuilder out) {
        out.append("Event dispatch, average time per post ")
                .append("(JMH 1.37, 1 fork, 5 x 1 s after 3 x 1 s warm-up, -prof gc)\n");
        for (String classes : List.of("distinct", "shared")) {
            out.append(String.format(Locale.ROOT, "%n%s%n%-20s %8s %12s %10s %10s %10s%n", CLASSES.get(classes),
                    "contender", "handlers", "ns/op", "± ns", "B/op", "x plinth"));
            for (String count : COUNTS) {
                for (String contender : CONTENDERS) {
                    get(contender, count, classes).ifPresent(r -> out.append(String.format(Locale.ROOT,
                            "%-20s %8s %12.1f %10.1f %10.1f %10s%n", contender, count, r.ns(), r.error(), r.bytes(),
                            get("plinth", count, classes).map(p -> ratio(r.ns() / p.ns())).orElse("-"))));
                }
            }
        }
        out.append('\n');
        get("plinthNobodyListens", "", "").ifPresent(r -> out.append(String.format(Locale.ROOT,
                "%-20s %8s %12.2f %10.2f %10.1f%n", "nobodyListens", "-", r.ns(), r.error(), r.bytes())));
        get("harnessBaseline", "", "").ifPresent(r -> out.append(String.format(Locale.ROOT,
                "%-20s %8s %12.2f %10.2f %10.1f%n", "(JMH baseline)", "-", r.ns(), r.error(), r.bytes())));

        out.append("\nTargets\n");
        for (String classes : List.of("distinct", "shared")) {
            out.append("  ").append(CLASSES.get(classes)).append('\n');
            for (String count : COUNTS) {
                target(out, "Plinth / hand-written loop, " + count, "plinth", "handWrittenLoop", count, classes, 1.5,
                        false);
            }
            target(out, "Guava / Plinth, 10", "guava", "plinth", "10", classes, 5, true);
            target(out, "EventAdmin Timeout=0 / Plinth, 10", "eventAdminTimeout0", "plinth", "10", classes, 20, true);
            overhead(out, classes);
        }
        get("plinthNobodyListens", "", "").ifPresent(r -> out.append(String.format(Locale.ROOT,
                "  %-44s %9.2f ns  target <= 2 ns   %s%n", "post nobody listens to", r.ns(), verdict(r.ns() <= 2))));
        // the bus's allocation target, over Plinth's own dispatch contenders, when measured (-prof gc)
        var plinth = new ArrayList<Result>();
        for (String count : COUNTS) {
            for (String classes : CLASSES.keySet()) {
                get("plinth", count, classes).ifPresent(plinth::add);
                get("plinthListeners", count, classes).ifPresent(plinth::add);
            }
        }
        get("plinthNobodyListens", "", "").ifPresent(plinth::add);
        plinth.stream().mapToDouble(Result::bytes).filter(bytes -> !Double.isNaN(bytes)).max()
                .ifPresent(worst -> out.append(String.format(Locale.ROOT, "  %-44s %9.3f B   target 0 B/op     %s%n",
                        "most bytes allocated per Plinth post", worst, verdict(worst < 0.5))));
    }

    /** The JavaScript host's targets (JsBenchmark, JsFibBenchmark, JsStartBenchmark), when they ran. */
    private void javaScript(StringBuilder out) {
        if (get("jsDispatchChat", "", "").isEmpty() && get("fibJs", "", "").isEmpty()) {
            return;
        }
        if (!dispatchRan()) {
            out.append("Targets\n");
        }
        out.append("  JavaScript host (GraalJS)\n");
        target(out, "event to a JS handler / raw Value.execute", "jsDispatchChat", "jsRawChat", "", "", 1.2, false);
        target(out, "player.name() / raw ProxyExecutable", "jsHostCalls", "jsRawHostCalls", "", "", 1.3, false);
        target(out, "fib(25) JS (JIT) / Java", "fibJs", "fibJava", "", "", 3, false);
        get("fibInterpreted", "", "").ifPresent(interpreted -> get("fibJava", "", "").ifPresent(java -> out.append(
                String.format(Locale.ROOT, "    %-42s %10s  (no target: what a JVM without the Graal JIT gets)%n",
                        "fib(25) JS interpreted / Java", ratio(interpreted.ns() / java.ns())))));
        get("fibGraalJs", "", "").ifPresent(plain -> get("fibJava", "", "").ifPresent(java -> out.append(
                String.format(Locale.ROOT, "    %-42s %10s  (no target: GraalJS alone, no meter, no sandbox)%n",
                        "fib(25) plain GraalJS module / Java", ratio(plain.ns() / java.ns())))));
        get("jsStart", "", "").ifPresent(start -> out.append(String.format(Locale.ROOT,
                "    %-42s %7.2f ms  target <= 50 ms  %s%n", "resource start, warm engine, p50", start.ns() / 1e6,
                verdict(start.ns() / 1e6 <= 50))));
    }

    private void target(StringBuilder out, String label, String slower, String faster, String count, String classes,
            double bound, boolean atLeast) {
        var a = get(slower, count, classes);
        var b = get(faster, count, classes);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double ratio = a.get().ns() / b.get().ns();
        boolean met = atLeast ? ratio >= bound : ratio <= bound;
        out.append(String.format(Locale.ROOT, "    %-42s %10s  target %s %-6s %s%n", label, ratio(ratio),
                atLeast ? ">=" : "<=", ratio(bound), verdict(met)));
    }

    /** What each bus adds to the hand-written loop at 10 handlers: the dispatch cost without the handlers' own. */
    private void overhead(StringBuilder out, String classes) {
        get("handWrittenLoop", "10", classes).ifPresent(loop -> {
            var line = new StringBuilder("    cost over the hand-written loop, 10:");
            for (String contender : List.of("plinth", "guava", "eventAdminTimeout0")) {
                get(contender, "10", classes).ifPresent(r -> line.append(String.format(Locale.ROOT, " %s %+.1f ns,",
                        contender, r.ns() - loop.ns())));
            }
            out.append(line.substring(0, line.length() - 1)).append('\n');
        });
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.2fx", ratio);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}

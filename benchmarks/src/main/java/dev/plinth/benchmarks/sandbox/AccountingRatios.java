package dev.plinth.benchmarks.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accounting part of the table printed after a benchmark run, read from JMH's JSON results: for each language's
 * {@code *AccountingBenchmark}, the time of {@value BusyTick#CALLS} handler calls with accounting on and off, and
 * their ratio against the target (accounting costs under 5 % at {@value BusyTick#CALLS} calls per tick).
 *
 * @param scores ns per operation by {@code benchmark class/method}
 */
public record AccountingRatios(Map<String, Double> scores) {

    /** The most accounting may add. */
    static final double TARGET = 1.05;

    /** Copies the scores. */
    public AccountingRatios {
        scores = Map.copyOf(scores);
    }

    /**
     * Reads JMH's JSON results.
     *
     * @param json the file
     * @return the ratios, empty when the run had no accounting benchmark
     * @throws IOException when it cannot be read
     */
    public static AccountingRatios from(Path json) throws IOException {
        var scores = new TreeMap<String, Double>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String[] name = run.path("benchmark").asText().split("\\.");
            if (name.length >= 2 && name[name.length - 2].endsWith("AccountingBenchmark")) {
                scores.put(name[name.length - 2] + "/" + name[name.length - 1],
                        run.path("primaryMetric").path("score").asDouble());
            }
        }
        return new AccountingRatios(scores);
    }

    /** {@return the table, or an empty string when there is nothing to show} */
    public String render() {
        if (scores.isEmpty()) {
            return "";
        }
        var out = new StringBuilder(String.format(Locale.ROOT,
                "Per-resource accounting, %,d handler calls (one event each) per operation%n%-28s %14s %14s %8s%n",
                BusyTick.CALLS, "benchmark", "on (µs/op)", "off (µs/op)", "on/off"));
        new TreeMap<>(scores).keySet().stream().map(key -> key.substring(0, key.indexOf('/'))).distinct()
                .forEach(bench -> {
                    Double on = scores.get(bench + "/accounted");
                    Double off = scores.get(bench + "/unaccounted");
                    if (on != null && off != null) {
                        double ratio = on / off;
                        out.append(String.format(Locale.ROOT, "%-28s %14.1f %14.1f %8.3f  target <= %.2f  %s%n",
                                bench, on / 1e3, off / 1e3, ratio, TARGET, ratio <= TARGET ? "met" : "MISSED"));
                    }
                });
        return out.toString();
    }
}

package dev.plinth.benchmarks.lua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The Lua start's line of the table printed after a benchmark run, read from JMH's JSON results: a prepared start
 * of the generated resource against one that parses it ({@link LuaStartBenchmark}), and their ratio.
 *
 * @param prepared µs per prepared start, when it ran
 * @param parsed µs per parsing start, when it ran
 */
public record LuaStartRatio(OptionalDouble prepared, OptionalDouble parsed) {

    /**
     * Reads JMH's JSON results.
     *
     * @param json the file
     * @return the two scores, each empty when it did not run
     * @throws IOException when it cannot be read
     */
    public static LuaStartRatio from(Path json) throws IOException {
        OptionalDouble prepared = OptionalDouble.empty();
        OptionalDouble parsed = OptionalDouble.empty();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = run.path("benchmark").asText();
            double score = run.path("primaryMetric").path("score").asDouble();
            double micros = run.path("primaryMetric").path("scoreUnit").asText().startsWith("ns") ? score / 1e3 : score;
            if (benchmark.endsWith("LuaStartBenchmark.luaStartPrepared")) {
                prepared = OptionalDouble.of(micros);
            } else if (benchmark.endsWith("LuaStartBenchmark.luaStartParsed")) {
                parsed = OptionalDouble.of(micros);
            }
        }
        return new LuaStartRatio(prepared, parsed);
    }

    /** {@return the line, or an empty string unless both starts ran} */
    public String render() {
        if (prepared.isEmpty() || parsed.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "Lua start, generated resource of about %,d lines in %d files:"
                + " prepared %.1f µs, parsed %.1f µs, prepared/parsed %.3f%n", LuaStartBenchmark.LINES,
                LuaStartBenchmark.MODULES + 1, prepared.getAsDouble(), parsed.getAsDouble(),
                prepared.getAsDouble() / parsed.getAsDouble());
    }
}

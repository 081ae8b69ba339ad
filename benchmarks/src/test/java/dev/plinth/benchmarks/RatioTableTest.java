package dev.plinth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ratio table read from JMH's JSON. */
class RatioTableTest {

    private static String run(String method, String params, double ns, double bytes) {
        return """
                {"benchmark": "dev.plinth.benchmarks.DispatchBenchmark.%s", "params": {%s},
                 "primaryMetric": {"score": %s, "scoreError": 0.5, "scoreUnit": "ns/op"},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
                """.formatted(method, params, ns, bytes);
    }

    @Test
    void theTableShowsEveryContenderAndJudgesEachTarget(@TempDir Path dir) throws Exception {
        String ten = "\"classes\": \"distinct\", \"handlers\": \"10\"";
        Path json = dir.resolve("jmh-result.json");
        Files.writeString(json, "[" + String.join(",",
                run("handWrittenLoop", ten, 30, 0),
                run("plinth", ten, 40, 0),
                run("plinthListeners", "\"handlers\": \"10\"", 42, 0),
                run("guava", ten, 400, 352),
                run("eventAdminTimeout0", ten, 600, 1000),
                run("plinthNobodyListens", "", 1.2, 0),
                run("lua.LuaBenchmark.fibPlinth", "\"mode\": \"compiled\"", 5000, 0)) + "]");

        String table = RatioTable.from(json).render();

        assertTrue(table.matches("(?s).*plinth\\s+10\\s+40\\.0\\s+0\\.5\\s+0\\.0\\s+1\\.00x.*"), table);
        assertTrue(table.matches("(?s).*plinthListeners\\s+10\\s+42\\.0.*"), table);
        assertTrue(table.matches("(?s).*guava\\s+10\\s+400\\.0\\s+0\\.5\\s+352\\.0\\s+10x.*"), table);
        assertTrue(table.matches("(?s).*Plinth / hand-written loop, 10\\s+1\\.33x\\s+target <= 1\\.50x\\s+met.*"), table);
        assertTrue(table.matches("(?s).*Guava / Plinth, 10\\s+10x\\s+target >= 5\\.00x\\s+met.*"), table);
        assertTrue(table.matches("(?s).*EventAdmin Timeout=0 / Plinth, 10\\s+15x\\s+target >= 20x\\s+MISSED.*"), table);
        assertTrue(table.contains("cost over the hand-written loop, 10: plinth +10.0 ns, guava +370.0 ns,"
                + " eventAdminTimeout0 +570.0 ns"), table);
        assertTrue(table.matches("(?s).*post nobody listens to\\s+1\\.20 ns\\s+target <= 2 ns\\s+met.*"), table);
        assertTrue(table.matches("(?s).*most bytes allocated per Plinth post\\s+0\\.000 B\\s+target 0 B/op\\s+met.*"),
                table);
    }

    @Test
    void aRunWithoutBusBenchmarksShowsNoBusTableNorItsAllocationTarget(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("jmh-result.json");
        Files.writeString(json, """
                [{"benchmark": "dev.plinth.benchmarks.js.JsFibBenchmark.fibJs", "params": {},
                  "primaryMetric": {"score": 700, "scoreError": 5, "scoreUnit": "us/op"}},
                 {"benchmark": "dev.plinth.benchmarks.js.JsFibBenchmark.fibJava", "params": {},
                  "primaryMetric": {"score": 200, "scoreError": 5, "scoreUnit": "us/op"}},
                 {"benchmark": "dev.plinth.benchmarks.molang.MolangBenchmark.plinthTree",
                  "params": {"formula": "sin"},
                  "primaryMetric": {"score": 14, "scoreError": 1, "scoreUnit": "ns/op"},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 80, "scoreUnit": "B/op"}}}]
                """);

        String table = RatioTable.from(json).render();

        assertTrue(table.matches("(?s).*fib\\(25\\) JS \\(JIT\\) / Java\\s+3\\.50x.*MISSED.*"), table);
        assertFalse(table.contains("Event dispatch"), table);
        assertFalse(table.contains("most bytes allocated"), "Molang's plinthTree is no bus contender: " + table);
        assertFalse(table.contains("NaN"), table);
    }
}

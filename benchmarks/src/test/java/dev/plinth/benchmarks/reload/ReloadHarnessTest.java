package dev.plinth.benchmarks.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reload harness, short (the suite's version of {@link ReloadHarness}): 50 reloads of a Lua, a JavaScript, a WebAssembly and a Java resource
 * with 100 events after each, a few saves in development mode, and a five-second soak of 200 events per tick while
 * the resource reloads every second, and three reloads with two dependents. What it checks is what leaks and what is lost, never how fast: no event lost or
 * handled twice, the first version's state collected, the heap after a full GC within 5 MiB of where it was.
 */
class ReloadHarnessTest {

    @Test
    void fiftyReloadsAndASoakLoseNothingAndLeakNothing() throws Exception {
        Map<String, Map<String, Object>> results = ReloadHarness.run(List.of("lua", "js", "wasm", "java"), Map.of("warmup", 10,
                "reloads", 50, "events", 100, "watchReloads", 5, "soakSeconds", 5, "soakPerTick", 200, "dependents", 2,
                "dependentReloads", 3));

        assertEquals(List.of("lua", "js", "wasm", "java"), List.copyOf(results.keySet()));
        for (var entry : results.entrySet()) {
            Map<String, Object> report = entry.getValue();
            String language = entry.getKey() + ": " + report;
            assertEquals(50, report.get("reloads"), language);
            assertEquals(5000, report.get("eventsPosted"), language);
            assertEquals(0, report.get("eventsLost"), language);
            assertEquals(0, report.get("eventsTwice"), language);
            assertEquals(true, report.get("firstVersionCollected"), language);
            assertTrue(((Number) report.get("heapGrowthMiB")).doubleValue() <= 5, language);
            assertTrue(((Number) report.get("soakEvents")).intValue() > 0, language);
            assertEquals(0, report.get("soakLost"), language);
            assertEquals(0, report.get("soakTwice"), language);
            assertTrue(((Number) report.get("soakReloads")).intValue() >= 3, language);
            assertEquals(5, report.get("watchReloads"), language);
            // The framework's refresh takes along every bundle wired to the reloaded one's capability: each dependent
            // restarts (its state handed over), whatever its language.
            assertEquals(2.0, report.get("dependentsRestartedPerReload"), language);
            assertEquals(((Number) report.get("eventsPostedInAll")).longValue(),
                    ((Number) report.get("handledByResource")).longValue(), "each event handled once: " + language);
        }
    }
}

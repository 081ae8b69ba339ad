package dev.plinth.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The harness reads the live heap from the {@code Total} line of {@code jcmd GC.class_histogram}. */
class StartupHarnessTest {

    @Test
    void theLiveHeapIsTheTotalOfTheClassHistogram() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         50115        6988240  [B (java.base@25.0.3)
                   2:          4000         128000  java.lang.String (java.base@25.0.3)
                Total        279316       18273504
                """;

        assertEquals(18_273_504L, StartupHarness.histogramTotal(histogram));
        assertEquals(-1L, StartupHarness.histogramTotal("12345:\nno such process\n"), "no total: no figure");
    }
}

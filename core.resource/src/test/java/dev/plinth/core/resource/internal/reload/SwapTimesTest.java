package dev.plinth.core.resource.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwapTimesTest {

    private final SwapTimes times = new SwapTimes(100_000, 1_234_567, 2_000_000, 3_005_000, 40_000, 0);

    @Test
    void theTotalIsTheSumOfThePhases() {
        assertEquals(6_379_567, times.total());
    }

    @Test
    void thePhasesAreReportedInMillisecondsInTheOrderOfTheSwap() {
        Map<String, Object> millis = times.millis();

        assertEquals(List.of("save", "stop", "update", "start", "handOver", "dependents"), List.copyOf(millis.keySet()));
        assertEquals(List.of(0.1, 1.23, 2.0, 3.01, 0.04, 0.0), List.copyOf(millis.values()));
    }

    @Test
    void millisecondsAreRoundedToHundredths() {
        assertEquals(6.38, SwapTimes.rounded(times.total()));
    }
}

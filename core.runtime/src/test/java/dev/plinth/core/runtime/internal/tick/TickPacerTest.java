package dev.plinth.core.runtime.internal.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.runtime.tick.TickStatistics;
import org.junit.jupiter.api.Test;

/** Tick pacing and statistics: no catch-up storm after an overrun; mean, p99 and max over the windows. */
class TickPacerTest {

    private static final long MS = 1_000_000L;
    private final TickPacer pacer = new TickPacer(50 * MS);

    @Test
    void onScheduleTheNextTickIsOnePeriodLater() {
        assertEquals(150 * MS, pacer.next(100 * MS, 110 * MS));
    }

    @Test
    void afterAnOverrunTheNextTickStartsAtOnceAndTheMissedOnesAreDropped() {
        // a tick due at 100 ms ran until 400 ms: six ticks were missed
        long next = pacer.next(100 * MS, 400 * MS);
        assertEquals(400 * MS, next, "the next tick starts now, not at 150 ms");
        assertEquals(450 * MS, pacer.next(next, 410 * MS), "and the one after keeps the normal period");
    }

    @Test
    void statisticsGiveMeanP99AndMaxOverTheLastTicks() {
        var recorder = new TickRecorder();
        for (int i = 0; i < 99; i++) {
            recorder.record(i * 50 * MS, 2 * MS);
        }
        recorder.record(99 * 50 * MS, 80 * MS);

        TickStatistics stats = recorder.snapshot(100, false, 100 * 50 * MS);

        assertEquals(100, stats.last5s().ticks());
        assertEquals(2.78, stats.last5s().meanMs(), 0.001);
        assertEquals(2.0, stats.last5s().p99Ms(), 0.001);
        assertEquals(80.0, stats.last5s().maxMs(), 0.001);
        assertEquals(20.0, stats.last5s().tps(), 0.001);
        assertEquals(1, stats.overruns());
    }

    @Test
    void theShortWindowHoldsTheLastHundredTicksOnly() {
        var recorder = new TickRecorder();
        for (int i = 0; i < 300; i++) {
            recorder.record(i * 50 * MS, (i < 200 ? 10 : 1) * MS);
        }
        TickStatistics stats = recorder.snapshot(300, false, 300 * 50 * MS);
        assertEquals(1.0, stats.last5s().maxMs(), 0.001);
        assertEquals(300, stats.last1m().ticks());
        assertEquals(10.0, stats.last1m().maxMs(), 0.001);
    }
}

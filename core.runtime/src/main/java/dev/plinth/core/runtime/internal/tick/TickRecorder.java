package dev.plinth.core.runtime.internal.tick;

import dev.plinth.core.runtime.tick.TickStatistics;
import java.util.Arrays;

/**
 * The durations and start times of the last 1200 ticks, for {@link TickStatistics}.
 *
 * <p>Thread-safe: the game thread records, any thread reads (one uncontended lock per tick).
 */
final class TickRecorder {

    static final int SHORT_WINDOW = 100;
    static final int LONG_WINDOW = 1200;
    private static final long BUDGET_NANOS = 50_000_000L;

    private final long[] durations = new long[LONG_WINDOW];
    private final long[] starts = new long[LONG_WINDOW];
    private long recorded;
    private long overruns;

    /**
     * Records one tick.
     *
     * @param start when it started ({@link System#nanoTime()})
     * @param duration how long it took, in nanoseconds
     */
    synchronized void record(long start, long duration) {
        int slot = (int) (recorded % LONG_WINDOW);
        durations[slot] = duration;
        starts[slot] = start;
        recorded++;
        if (duration > BUDGET_NANOS) {
            overruns++;
        }
    }

    /**
     * The statistics now.
     *
     * @param tick the last tick's number
     * @param paused whether the loop is paused
     * @param now the time now ({@link System#nanoTime()}), the end of the windows
     * @return the statistics
     */
    synchronized TickStatistics snapshot(long tick, boolean paused, long now) {
        return new TickStatistics(tick, paused, window(SHORT_WINDOW, now), window(LONG_WINDOW, now), overruns);
    }

    private TickStatistics.Window window(int size, long now) {
        int count = (int) Math.min(size, recorded);
        if (count == 0) {
            return TickStatistics.Window.EMPTY;
        }
        long[] sorted = new long[count];
        long total = 0;
        long oldestStart = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            int slot = (int) ((recorded - 1 - i) % LONG_WINDOW);
            sorted[i] = durations[slot];
            total += durations[slot];
            oldestStart = Math.min(oldestStart, starts[slot]);
        }
        Arrays.sort(sorted);
        long p99 = sorted[Math.max(0, (int) Math.ceil(count * 0.99) - 1)];
        double seconds = (now - oldestStart) / 1e9;
        double tps = seconds <= 0 ? 0 : Math.min(20.0, count / seconds);
        return new TickStatistics.Window(count, tps, millis(total / count), millis(p99), millis(sorted[count - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

package dev.plinth.core.runtime.tick;

import java.util.Objects;

/**
 * How long ticks took recently, as Paper's {@code /mspt} shows it: a tick's time is the game thread's work for it,
 * its phases and the work queued for the game thread that ran since the tick before (while the clock runs).
 *
 * @param tick the number of the last tick
 * @param paused whether the tick loop is paused (ticks only run when asked for, {@code sim:tick})
 * @param last5s the last 100 ticks (5 seconds at full speed)
 * @param last1m the last 1200 ticks (a minute at full speed)
 * @param overruns how many ticks took longer than their 50 ms since the server started
 */
public record TickStatistics(long tick, boolean paused, Window last5s, Window last1m, long overruns) {

    /** The time one tick may take at 20 ticks per second. */
    public static final double BUDGET_MS = 50.0;

    /** Validates the components. */
    public TickStatistics {
        Objects.requireNonNull(last5s, "last5s");
        Objects.requireNonNull(last1m, "last1m");
    }

    /**
     * The durations of a number of recent ticks.
     *
     * @param ticks how many ticks the window holds
     * @param tps ticks per second actually reached over the window's wall-clock time (at most 20)
     * @param meanMs the mean time per tick, in milliseconds
     * @param p99Ms the 99th percentile, in milliseconds
     * @param maxMs the longest tick, in milliseconds
     */
    public record Window(int ticks, double tps, double meanMs, double p99Ms, double maxMs) {
        /** A window without ticks. */
        public static final Window EMPTY = new Window(0, 0, 0, 0, 0);
    }
}

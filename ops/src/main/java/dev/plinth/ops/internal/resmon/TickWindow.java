package dev.plinth.ops.internal.resmon;

/**
 * One resource's time over its last {@value #SIZE} ticks: each tick's share of its account's time since the tick
 * before.
 *
 * <p>Not thread-safe: written on the game thread by {@link ResourceMonitor}, which copies it for readers.
 */
final class TickWindow {

    static final int SIZE = 100;

    private final long[] nanos = new long[SIZE];
    private int next;
    private int filled;
    private long lastTotal = -1;

    /**
     * Records a tick from the account's running total; the first tick seen also gets what the account held before
     * (its start, the calls made before the monitor saw it).
     *
     * @param total the account's time so far, in nanoseconds
     */
    void tick(long total) {
        long delta = lastTotal < 0 || total < lastTotal ? total : total - lastTotal;
        lastTotal = total;
        nanos[next] = delta;
        next = (next + 1) % SIZE;
        filled = Math.min(SIZE, filled + 1);
    }

    /** {@return the mean time per tick over the window, in nanoseconds} */
    double meanNanos() {
        if (filled == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < filled; i++) {
            sum += nanos[i];
        }
        return (double) sum / filled;
    }

    /** {@return the longest tick of the window, in nanoseconds} */
    long maxNanos() {
        long max = 0;
        for (int i = 0; i < filled; i++) {
            max = Math.max(max, nanos[i]);
        }
        return max;
    }
}

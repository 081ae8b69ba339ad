package dev.plinth.ops.internal.console;

import dev.plinth.core.runtime.tick.TickObserver;
import org.osgi.service.component.annotations.Component;

/**
 * The durations of the last {@value #SIZE} ticks (30 seconds at 20 ticks per second), for the Server page's chart.
 *
 * <p>Written on the game thread once per tick, read by HTTP threads: {@link #recent()} is synchronized with
 * {@link #tickEnded}, which only stores two numbers.
 */
@Component(service = {TickHistory.class, TickObserver.class})
public final class TickHistory implements TickObserver {

    static final int SIZE = 600;

    private final long[] ticks = new long[SIZE];
    private final long[] nanos = new long[SIZE];
    private int next;
    private int filled;

    /** Creates an empty history. */
    public TickHistory() {
        // filled as ticks end
    }

    @Override
    public synchronized void tickEnded(long tick, long durationNanos) {
        ticks[next] = tick;
        nanos[next] = durationNanos;
        next = (next + 1) % SIZE;
        filled = Math.min(SIZE, filled + 1);
    }

    /**
     * The recent ticks, oldest first.
     *
     * @return pairs of tick number and duration in milliseconds
     */
    synchronized double[][] recent() {
        double[][] out = new double[filled][];
        int start = (next - filled + SIZE) % SIZE;
        for (int i = 0; i < filled; i++) {
            int at = (start + i) % SIZE;
            out[i] = new double[] {ticks[at], nanos[at] / 1e6};
        }
        return out;
    }
}

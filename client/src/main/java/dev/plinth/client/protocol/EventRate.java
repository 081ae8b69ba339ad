package dev.plinth.client.protocol;

import java.util.function.LongSupplier;

/**
 * The rate of a session's script events, the same on both ends: {@code perSecond} events a second, refilled
 * continuously, a burst of four seconds' worth at most. The server enforces its own ({@code clients.eventsPerSecond}),
 * the client keeps under the default so its scripts hear {@code rate_limited} at once.
 *
 * <p>Thread-safe.
 */
public final class EventRate {

    /** The events a session may send each way per second unless the server says otherwise. */
    public static final int DEFAULT_PER_SECOND = 20;
    private static final long SECOND = 1_000_000_000L;

    private final long perSecond;
    private final long capacity;
    private final LongSupplier clock;
    private long tokens;
    private long refilledAt;

    /**
     * Creates a rate.
     *
     * @param perSecond events per second, at least 1
     * @param clock nanoseconds, {@code System::nanoTime}
     */
    public EventRate(long perSecond, LongSupplier clock) {
        this.perSecond = perSecond;
        this.capacity = 4 * perSecond * SECOND;
        this.clock = clock;
        this.tokens = capacity;
        this.refilledAt = clock.getAsLong();
    }

    /** {@return whether one more event may go now (and counts it)} */
    public synchronized boolean take() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + Math.min(now - refilledAt, 4 * SECOND) * perSecond);
        refilledAt = now;
        if (tokens < SECOND) {
            return false;
        }
        tokens -= SECOND;
        return true;
    }
}

package dev.plinth.core.runtime.tick;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when each tick ends, with how long it took: for the metrics' tick histogram and per-tick accounting.
 * Registered as an OSGi service (whiteboard); the game loop picks it up from the next tick and drops it when it is
 * unregistered or its bundle stops.
 *
 * <p>Called on the game thread, after the tick's work and outside its deterministic section, once per tick: it must
 * return in microseconds (record a number, never block or post game events). A throwing observer is logged and
 * still called on the next tick.
 */
@ConsumerType
@FunctionalInterface
public interface TickObserver {

    /**
     * A tick has ended.
     *
     * @param tick the tick's number, from 1
     * @param durationNanos how long the game thread worked for it, in nanoseconds: its phases and the work queued for
     *     the game thread that ran since the tick before (while the clock runs), as {@link TickStatistics} counts it
     */
    void tickEnded(long tick, long durationNanos);
}

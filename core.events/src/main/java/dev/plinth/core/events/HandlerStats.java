package dev.plinth.core.events;

import java.util.Objects;

/**
 * What one handler has cost so far, for {@code event:stats} and the metrics.
 *
 * @param owner the resource (bundle symbolic name) that owns the handler
 * @param event the event name it handles
 * @param location where the handler is written
 * @param priority its priority
 * @param calls how often it ran
 * @param errors how often it threw
 * @param totalNanos time spent in it; measured on sampled calls and scaled when sampling is on
 * @param maxNanos the longest measured call
 */
public record HandlerStats(String owner, String event, String location, EventPriority priority, long calls,
        long errors, long totalNanos, long maxNanos) {

    /** Validates the components. */
    public HandlerStats {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(priority, "priority");
    }

    /**
     * The mean time per call.
     *
     * @return nanoseconds, 0 before the first call
     */
    public long meanNanos() {
        return calls == 0 ? 0 : totalNanos / calls;
    }
}

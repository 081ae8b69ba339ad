package dev.plinth.core.events;

import java.util.Objects;

/**
 * How a handler is subscribed.
 *
 * @param priority when it runs relative to the other handlers
 * @param receiveCancelled whether it still runs after a handler cancelled the event (MONITOR handlers always do)
 * @param location where the handler is written, shown by {@code event:stats} and in error logs
 *     ({@code com.example.Greeter.onJoin}, {@code main.lua:12}); empty to use the handler's class name
 */
public record HandlerOptions(EventPriority priority, boolean receiveCancelled, String location) {

    /** Validates the components. */
    public HandlerOptions {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(location, "location");
    }

    /**
     * A NORMAL handler that skips cancelled events.
     *
     * @return the default options
     */
    public static HandlerOptions defaults() {
        return new HandlerOptions(EventPriority.NORMAL, false, "");
    }

    /**
     * Handler options at the given priority, skipping cancelled events.
     *
     * @param priority the priority
     * @return the options
     */
    public static HandlerOptions at(EventPriority priority) {
        return new HandlerOptions(priority, false, "");
    }

    /**
     * These options, but receiving cancelled events too.
     *
     * @return the new options
     */
    public HandlerOptions withReceiveCancelled() {
        return new HandlerOptions(priority, true, location);
    }

    /**
     * These options with the handler's source location.
     *
     * @param location for example {@code main.lua:12}
     * @return the new options
     */
    public HandlerOptions withLocation(String location) {
        return new HandlerOptions(priority, receiveCancelled, location);
    }
}

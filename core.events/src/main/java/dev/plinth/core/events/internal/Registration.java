package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;

/**
 * A handler about to be subscribed, validated.
 *
 * @param key the event class ({@code Class}) or the event name ({@code String})
 * @param priority its priority
 * @param receiveCancelled whether it runs for cancelled events
 * @param location where it is written
 * @param handler the handler
 */
record Registration(Object key, EventPriority priority, boolean receiveCancelled, String location,
        EventHandler<Event> handler) {

    /** The registration of a handler with its options; an empty location becomes the handler's class name. */
    static Registration of(Object key, HandlerOptions options, EventHandler<Event> handler) {
        String location = options.location().isEmpty() ? locationOf(handler.getClass()) : options.location();
        return new Registration(key, options.priority(), options.receiveCancelled(), location, handler);
    }

    /** {@code com.example.Greeter} for a class, {@code com.example.Greeter (lambda)} for a lambda it defines. */
    static String locationOf(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : name.substring(0, lambda) + " (lambda)";
    }
}

package dev.plinth.core.events.internal;

import dev.plinth.core.events.Subscription;
import java.util.List;

/** The handlers subscribed by one call. Thread-safe. */
final class HandlerSubscription implements Subscription {

    private final HandlerRegistry registry;
    private final List<Handler> handlers;

    HandlerSubscription(HandlerRegistry registry, List<Handler> handlers) {
        this.registry = registry;
        this.handlers = List.copyOf(handlers);
    }

    @Override
    public void close() {
        registry.remove(handlers);
    }

    @Override
    public boolean isActive() {
        return !handlers.getFirst().closed;
    }

    @Override
    public String toString() {
        return "subscription of " + handlers;
    }
}

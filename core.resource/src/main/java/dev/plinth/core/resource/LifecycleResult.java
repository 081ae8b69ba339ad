package dev.plinth.core.resource;

import java.util.List;
import java.util.Objects;

/**
 * What a successful lifecycle operation did.
 *
 * @param resource the resource asked for
 * @param state its state afterwards
 * @param started the resources started, in the order they started (dependencies before the resource)
 * @param stopped the resources stopped, in the order they stopped (dependents before the resource)
 * @param message one sentence for the shell, naming what was done: {@code stopped chat-demo (after its
 *     dependents: admin-panel)}
 */
public record LifecycleResult(String resource, ResourceState state, List<String> started, List<String> stopped,
        String message) {

    /** Validates and copies the components. */
    public LifecycleResult {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(state, "state");
        started = List.copyOf(started);
        stopped = List.copyOf(stopped);
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}

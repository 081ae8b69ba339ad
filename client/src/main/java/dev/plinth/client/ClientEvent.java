package dev.plinth.client;

import java.util.Map;
import java.util.Objects;

/**
 * An event posted on a client's own bus: the transfer events, {@code resource:sync}, the lifecycle of its resources,
 * the server's events to its scripts, its scripts' own.
 *
 * @param name the event name
 * @param payload its plain values
 * @param source who posted it: {@code client} (the client itself), {@code server}, or a resource
 * @param timestamp when, in milliseconds since the epoch
 */
public record ClientEvent(String name, Map<String, Object> payload, String source, long timestamp) {

    /** Validates and copies the components. */
    public ClientEvent {
        Objects.requireNonNull(name, "name");
        payload = Map.copyOf(payload);
        Objects.requireNonNull(source, "source");
    }
}

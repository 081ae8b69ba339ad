package dev.plinth.core.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as it travels, the same for every language: what happened, who sent it, to whom, when, and the chain
 * it belongs to.
 *
 * @param name the event name ({@code player_join}, {@code resource:started})
 * @param payload the event's plain values, in the order the event gives them
 * @param source the resource that posted it ({@code server} for the game itself)
 * @param target the resource or player it is addressed to, if any
 * @param timestamp when its dispatch started, in milliseconds since the epoch
 * @param correlationId the chain: an event posted while handling another carries the other's id
 * @param version the envelope format version, {@link #CURRENT_VERSION}
 */
public record EventEnvelope(String name, Map<String, Object> payload, String source, Optional<String> target,
        long timestamp, String correlationId, int version) {

    /** The envelope format version this bus produces. */
    public static final int CURRENT_VERSION = 1;

    /**
     * Validates the components and copies the payload, keeping its order.
     *
     * @throws NullPointerException when a component, or a key or value of the payload, is {@code null}
     */
    public EventEnvelope {
        Objects.requireNonNull(name, "name");
        var copy = new LinkedHashMap<String, Object>();
        payload.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "payload key"),
                Objects.requireNonNull(value, () -> "payload value of " + key)));
        payload = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}

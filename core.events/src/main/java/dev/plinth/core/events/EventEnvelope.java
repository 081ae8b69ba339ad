package dev.plinth.core.events;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as it travels, the same for every language: what happened, who sent it, to whom, when, and the chain
 * it belongs to.
 *
 * @param name the event name ({@code player_join}, {@code resource:started})
 * @param payload the event's plain values
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

    /** Validates and copies the components. */
    public EventEnvelope {
        Objects.requireNonNull(name, "name");
        payload = Map.copyOf(payload);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}

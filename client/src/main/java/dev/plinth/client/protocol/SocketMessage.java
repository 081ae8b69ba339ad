package dev.plinth.client.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.Objects;

/**
 * A message of a session's WebSocket, one JSON text frame each, told apart by {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SocketMessage.Event.class, name = "event"),
        @JsonSubTypes.Type(value = SocketMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = SocketMessage.Transfer.class, name = "transfer"),
        @JsonSubTypes.Type(value = SocketMessage.Notice.class, name = "notice")})
public sealed interface SocketMessage {

    /**
     * An event, both ways: the server's {@code resource:sync} pushes and {@code mc.emit_client} events, a client
     * script's {@code mc.emit_server}.
     *
     * @param name the event name
     * @param payload its plain values
     */
    record Event(String name, Map<String, Object> payload) implements SocketMessage {
        /** Validates the components. */
        public Event {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Client to server: a client resource marked itself ready, or was unloaded.
     *
     * @param resource the resource name
     * @param ready whether it is ready now
     */
    record Ready(String resource, boolean ready) implements SocketMessage {
        /** Validates the components. */
        public Ready {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * Client to server: where its transfer stands, MTADM's progress payload.
     *
     * @param receivedCount files received
     * @param totalCount files to receive
     * @param receivedBytes bytes received
     * @param totalBytes bytes to receive
     * @param lastResource the resource of the last file received
     * @param complete whether the transfer is over
     */
    record Transfer(long receivedCount, long totalCount, long receivedBytes, long totalBytes, String lastResource,
            boolean complete) implements SocketMessage {
        /** Validates the components. */
        public Transfer {
            Objects.requireNonNull(lastResource, "lastResource");
        }
    }

    /**
     * Server to client: something the client should know (an event it sent was refused, and why).
     *
     * @param message one sentence
     */
    record Notice(String message) implements SocketMessage {
        /** Validates the components. */
        public Notice {
            Objects.requireNonNull(message, "message");
        }
    }
}

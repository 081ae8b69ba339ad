package dev.plinth.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * What a client sends to join.
 *
 * @param name the player's name
 * @param clientVersion the client's version, for the mods' {@code @client} requirements
 */
public record JoinRequest(String name, @JsonProperty("client_version") String clientVersion) {

    /** Validates the components. */
    public JoinRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientVersion, "clientVersion");
    }
}

package dev.plinth.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The answer to a join: Staminal's {@code LoginSuccess} message, beside the session.
 *
 * @param loginSuccess the server, the game and the list of resources
 * @param session the session it opened
 */
public record JoinResponse(@JsonProperty("LoginSuccess") LoginSuccess loginSuccess, Session session) {

    /** Validates the components. */
    public JoinResponse {
        Objects.requireNonNull(loginSuccess, "loginSuccess");
        Objects.requireNonNull(session, "session");
    }

    /**
     * A client session.
     *
     * @param token the bearer token of every later request; it dies with the session
     * @param player the player's name
     * @param socket the path of the session's WebSocket
     * @param serverVersion the server's version
     */
    public record Session(String token, String player, String socket,
            @JsonProperty("server_version") String serverVersion) {

        /** Validates the components. */
        public Session {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(serverVersion, "serverVersion");
        }
    }
}

package dev.plinth.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Staminal's {@code GameMessage::LoginSuccess}, as its JSON reads.
 *
 * @param serverName the server's name
 * @param gameName the game's name
 * @param gameVersion the game's version
 * @param mods what clients receive: every started resource with a client payload
 */
public record LoginSuccess(@JsonProperty("server_name") String serverName, @JsonProperty("game_name") String gameName,
        @JsonProperty("game_version") String gameVersion, List<ModInfo> mods) {

    /** Validates and copies the components. */
    public LoginSuccess {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(gameName, "gameName");
        Objects.requireNonNull(gameVersion, "gameVersion");
        mods = List.copyOf(mods);
    }
}

package dev.plinth.core.runtime.client;

import java.util.Objects;

/**
 * One request on a {@code RequestUri} route, as Staminal's handlers read it.
 *
 * @param uri the whole URI as the protocol writes it ({@code stam://127.0.0.1:30120/mods-manager/hud/download/client})
 * @param path the path below the protocol ({@code /mods-manager/hud/download/client})
 * @param player the player of the session that asks, empty for none
 */
public record UriRequest(String uri, String path, String player) {

    /** Validates the components. */
    public UriRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(player, "player");
    }
}

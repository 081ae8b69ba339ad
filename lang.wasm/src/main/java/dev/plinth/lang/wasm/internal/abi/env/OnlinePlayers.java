package dev.plinth.lang.wasm.internal.abi.env;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.wasm.internal.binding.HostServices;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The players one plugin's host functions name by runtime id, resolved once and remembered: a plugin usually asks
 * about the same player many times in a row (a handler greeting the player who joined, a loop over one player's
 * state). The player last resolved is reused while it is still online under that id (an entity's id is unique while
 * the server runs, so an online player with the id is the entity the server would return), and the UTF-8 bytes of its
 * name while the name is the same string; anything else is looked up again. No allocation when it hits.
 *
 * <p>Confined to the plugin's calls (one at a time).
 */
final class OnlinePlayers {

    private final HostServices services;
    private @Nullable Player last;
    private String lastName = "";
    private byte[] lastNameBytes = new byte[0];

    /**
     * Creates the lookup of one plugin.
     *
     * @param services the plugin's services, whose server the ids are of
     */
    OnlinePlayers(HostServices services) {
        this.services = services;
    }

    /**
     * The online player of a runtime id.
     *
     * @param id the id the plugin passed
     * @return the player, or null when no online player has that id
     * @throws IllegalStateException when the server provides no server view (see {@link HostServices})
     */
    @Nullable Player online(long id) {
        Player cached = last;
        if (cached != null && cached.id() == id && cached.isOnline()) {
            return cached;
        }
        Entity entity = services.server().entity(id).orElse(null);
        if (!(entity instanceof Player player) || !player.isOnline()) {
            return null;
        }
        last = player;
        return player;
    }

    /**
     * A player's name in UTF-8.
     *
     * @param player the player
     * @return the bytes; the caller must not change them
     */
    byte[] nameBytes(Player player) {
        String name = player.name();
        if (name != lastName) { // identity: the same string has the same bytes
            lastNameBytes = name.getBytes(StandardCharsets.UTF_8);
            lastName = name;
        }
        return lastNameBytes;
    }
}

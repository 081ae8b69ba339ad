package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.EventName;
import dev.plinth.core.events.MutableEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Position;
import java.util.Map;
import java.util.Objects;

/**
 * A player respawns after dying. Handlers may change where. Posted on the game thread.
 */
@EventName(PlayerRespawnEvent.NAME)
public final class PlayerRespawnEvent extends MutableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_respawn";

    private final Player player;
    private Position respawnPosition;

    /**
     * Creates the event.
     *
     * @param player who respawns
     * @param respawnPosition where, in the overworld
     */
    public PlayerRespawnEvent(Player player, Position respawnPosition) {
        this.player = Objects.requireNonNull(player, "player");
        this.respawnPosition = Objects.requireNonNull(respawnPosition, "respawnPosition");
    }

    /** {@return the player who respawns} */
    public Player player() {
        return player;
    }

    /** {@return where the player appears, in the overworld} */
    public Position respawnPosition() {
        return respawnPosition;
    }

    /**
     * Changes where the player appears.
     *
     * @param respawnPosition the new position in the overworld
     */
    public void setRespawnPosition(Position respawnPosition) {
        checkMutable();
        this.respawnPosition = Objects.requireNonNull(respawnPosition, "respawnPosition");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "respawn_position", respawnPosition.asMap());
    }
}

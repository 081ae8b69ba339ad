package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Position;
import java.util.Map;
import java.util.Objects;

/**
 * A player moves. Handlers may change the destination; cancelled, the player is put back at {@link #from()}.
 * Posted on the game thread.
 */
@EventName(PlayerMoveEvent.NAME)
public final class PlayerMoveEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_move";

    private final Player player;
    private final Position from;
    private Position to;

    /**
     * Creates the event.
     *
     * @param player who moves
     * @param from where they were
     * @param to where they go
     */
    public PlayerMoveEvent(Player player, Position from, Position to) {
        this.player = Objects.requireNonNull(player, "player");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /** {@return the player who moves} */
    public Player player() {
        return player;
    }

    /** {@return where the player was} */
    public Position from() {
        return from;
    }

    /** {@return where the player goes} */
    public Position to() {
        return to;
    }

    /**
     * Changes the destination.
     *
     * @param to the new destination
     */
    public void setTo(Position to) {
        checkMutable();
        this.to = Objects.requireNonNull(to, "to");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "from", from.asMap(), "to", to.asMap());
    }
}

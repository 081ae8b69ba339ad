package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Dimension;
import java.util.Map;
import java.util.Objects;

/**
 * A player is about to go to another dimension. Cancelled, they stay where they are. Posted on the game thread.
 */
@EventName(PlayerChangeDimensionEvent.NAME)
public final class PlayerChangeDimensionEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_change_dimension";

    private final Player player;
    private final Dimension from;
    private final Dimension to;

    /**
     * Creates the event.
     *
     * @param player who travels
     * @param from the dimension they leave
     * @param to the dimension they go to
     */
    public PlayerChangeDimensionEvent(Player player, Dimension from, Dimension to) {
        this.player = Objects.requireNonNull(player, "player");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /** {@return the player who travels} */
    public Player player() {
        return player;
    }

    /** {@return the dimension the player leaves} */
    public Dimension from() {
        return from;
    }

    /** {@return the dimension the player goes to} */
    public Dimension to() {
        return to;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "from", from.id(), "to", to.id());
    }
}

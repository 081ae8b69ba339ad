package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.player.Player;
import java.util.Map;
import java.util.Objects;

/**
 * A player is joining. Unless cancelled, the player is online afterwards and the join message (when not empty)
 * goes to every online player; cancelled, the player is disconnected with the kick message. Posted on the game
 * thread.
 */
@EventName(PlayerJoinEvent.NAME)
public final class PlayerJoinEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_join";

    private final Player player;
    private String joinMessage;
    private String kickMessage = "You may not join this server.";

    /**
     * Creates the event.
     *
     * @param player who joins
     * @param joinMessage what everyone reads
     */
    public PlayerJoinEvent(Player player, String joinMessage) {
        this.player = Objects.requireNonNull(player, "player");
        this.joinMessage = Objects.requireNonNull(joinMessage, "joinMessage");
    }

    /** {@return the player who joins} */
    public Player player() {
        return player;
    }

    /** {@return what every online player reads; empty for nothing} */
    public String joinMessage() {
        return joinMessage;
    }

    /**
     * Changes the join message.
     *
     * @param joinMessage the new message; empty for none
     */
    public void setJoinMessage(String joinMessage) {
        checkMutable();
        this.joinMessage = Objects.requireNonNull(joinMessage, "joinMessage");
    }

    /** {@return what the player reads when the join is cancelled} */
    public String kickMessage() {
        return kickMessage;
    }

    /**
     * Cancels the join and says why.
     *
     * @param kickMessage what the player reads
     */
    public void deny(String kickMessage) {
        checkMutable();
        this.kickMessage = Objects.requireNonNull(kickMessage, "kickMessage");
        setCancelled(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "join_message", joinMessage, "kick_message", kickMessage);
    }
}

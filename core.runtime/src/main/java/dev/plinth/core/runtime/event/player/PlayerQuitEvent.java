package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.EventName;
import dev.plinth.core.events.MutableEvent;
import dev.plinth.core.runtime.player.Player;
import java.util.Map;
import java.util.Objects;

/**
 * A player is leaving (or was kicked or transferred). The quit message (when not empty) goes to the players who
 * stay. Posted on the game thread while the player is still online.
 */
@EventName(PlayerQuitEvent.NAME)
public final class PlayerQuitEvent extends MutableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_quit";

    private final Player player;
    private String quitMessage;

    /**
     * Creates the event.
     *
     * @param player who leaves
     * @param quitMessage what the others read
     */
    public PlayerQuitEvent(Player player, String quitMessage) {
        this.player = Objects.requireNonNull(player, "player");
        this.quitMessage = Objects.requireNonNull(quitMessage, "quitMessage");
    }

    /** {@return the player who leaves} */
    public Player player() {
        return player;
    }

    /** {@return what the other players read; empty for nothing} */
    public String quitMessage() {
        return quitMessage;
    }

    /**
     * Changes the quit message.
     *
     * @param quitMessage the new message; empty for none
     */
    public void setQuitMessage(String quitMessage) {
        checkMutable();
        this.quitMessage = Objects.requireNonNull(quitMessage, "quitMessage");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "quit_message", quitMessage);
    }
}

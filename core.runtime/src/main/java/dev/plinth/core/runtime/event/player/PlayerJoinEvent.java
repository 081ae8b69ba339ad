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
 *
 * <p>After a hot reload, the new version of the resource receives one {@linkplain #replayed() replayed} join for each
 * player already online, and no other resource does, so that its per-player setup runs again. A replayed join only
 * tells: the player is online already, cancelling it disconnects no one and its join message goes to no one.
 */
@EventName(PlayerJoinEvent.NAME)
public final class PlayerJoinEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_join";

    private final Player player;
    private final boolean replayed;
    private String joinMessage;
    private String kickMessage = "You may not join this server.";

    /**
     * Creates the event.
     *
     * @param player who joins
     * @param joinMessage what everyone reads
     */
    public PlayerJoinEvent(Player player, String joinMessage) {
        this(player, joinMessage, false);
    }

    private PlayerJoinEvent(Player player, String joinMessage, boolean replayed) {
        this.player = Objects.requireNonNull(player, "player");
        this.joinMessage = Objects.requireNonNull(joinMessage, "joinMessage");
        this.replayed = replayed;
    }

    /**
     * The join replayed to a reloaded resource for a player already online.
     *
     * @param player the player online
     * @return the event, {@linkplain #replayed() replayed}, with an empty join message
     */
    public static PlayerJoinEvent replay(Player player) {
        return new PlayerJoinEvent(player, "", true);
    }

    /** {@return whether this join is a replay for a player already online, after a hot reload} */
    public boolean replayed() {
        return replayed;
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
        return Map.of("player", player.name(), "join_message", joinMessage, "kick_message", kickMessage,
                "replayed", replayed);
    }
}

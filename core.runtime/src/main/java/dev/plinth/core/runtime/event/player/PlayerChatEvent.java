package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.player.Player;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A player sends a chat message. Unless cancelled, each of the {@link #recipients()} receives the
 * {@link #format()} with {@code {player}} replaced by the sender's name and {@code {message}} by the message.
 * Posted on the game thread.
 */
@EventName(PlayerChatEvent.NAME)
public final class PlayerChatEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_chat";

    /** The format a chat line has unless a handler changes it. */
    public static final String DEFAULT_FORMAT = "{player}: {message}";

    private final Player player;
    private String message;
    private String format;
    private List<Player> recipients;

    /**
     * Creates the event.
     *
     * @param player who chats
     * @param message what they wrote
     * @param format the line's format
     * @param recipients who reads it
     */
    public PlayerChatEvent(Player player, String message, String format, List<Player> recipients) {
        this.player = Objects.requireNonNull(player, "player");
        this.message = Objects.requireNonNull(message, "message");
        this.format = Objects.requireNonNull(format, "format");
        this.recipients = List.copyOf(recipients);
    }

    /** {@return the player who chats} */
    public Player player() {
        return player;
    }

    /** {@return the message} */
    public String message() {
        return message;
    }

    /**
     * Changes the message.
     *
     * @param message the new message
     */
    public void setMessage(String message) {
        checkMutable();
        this.message = Objects.requireNonNull(message, "message");
    }

    /** {@return the line's format, with the placeholders {@code {player}} and {@code {message}}} */
    public String format() {
        return format;
    }

    /**
     * Changes the format.
     *
     * @param format for example {@code <{player}> {message}}
     */
    public void setFormat(String format) {
        checkMutable();
        this.format = Objects.requireNonNull(format, "format");
    }

    /** {@return the players who receive the line} */
    public List<Player> recipients() {
        return recipients;
    }

    /**
     * Changes who receives the line.
     *
     * @param recipients the new recipients (copied)
     */
    public void setRecipients(List<Player> recipients) {
        checkMutable();
        this.recipients = List.copyOf(recipients);
    }

    /**
     * The line as the recipients read it.
     *
     * @return the format with its placeholders filled in
     */
    public String formatted() {
        return format.replace("{player}", player.name()).replace("{message}", message);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "message", message, "format", format,
                "recipients", recipients.stream().map(Player::name).toList());
    }
}

package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.player.Player;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A player typed a command ({@code /warp home}). Cancelled, the command does not run. Posted on the game thread,
 * before the command is looked up.
 */
@EventName(PlayerCommandEvent.NAME)
public final class PlayerCommandEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_command";

    private final Player player;
    private final String command;
    private final List<String> args;

    /**
     * Creates the event.
     *
     * @param player who typed it
     * @param command the command name, without the slash
     * @param args the words after it
     */
    public PlayerCommandEvent(Player player, String command, List<String> args) {
        this.player = Objects.requireNonNull(player, "player");
        this.command = Objects.requireNonNull(command, "command");
        this.args = List.copyOf(args);
    }

    /** {@return the player who typed the command} */
    public Player player() {
        return player;
    }

    /** {@return the command name as typed, without the slash} */
    public String command() {
        return command;
    }

    /** {@return the words after the command name} */
    public List<String> args() {
        return args;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "command", command, "args", args);
    }
}

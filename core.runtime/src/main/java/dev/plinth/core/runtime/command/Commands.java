package dev.plinth.core.runtime.command;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The command registry, obtained as a bundle-scoped OSGi service: every command registered through it belongs to
 * the calling resource and disappears when that resource stops.
 *
 * <h2>Names</h2>
 * A command is reachable as {@code /name}, as each alias, and always as {@code /owner:name}. When two resources
 * register the same name, the first keeps {@code /name} unless the server setting {@code commands.owners} gives it
 * to the other; the conflict is logged, and both stay reachable by their qualified names.
 *
 * <h2>Threads</h2>
 * {@link #register} and {@link #list} are thread-safe. {@link #execute} runs on the game thread.
 */
@ProviderType
public interface Commands {

    /**
     * Registers a command owned by the calling resource.
     *
     * @param command the command
     * @return the registration, to unregister it earlier than the resource stops
     * @throws CommandException when the resource already registered a command or alias of that name, or the
     *     permission node is malformed
     */
    CommandRegistration register(CommandDefinition command);

    /**
     * Every registered command, sorted by name then owner.
     *
     * @return a snapshot
     */
    List<CommandInfo> list();

    /**
     * Runs a command line as a sender: {@code warp home} or {@code /warp home}. The sender is told about unknown
     * commands, missing permissions and failures.
     *
     * @param sender who runs it
     * @param line the command and its arguments, with or without the leading slash
     * @return what became of it
     * @throws WrongThreadException when not called on the game thread
     */
    CommandResult execute(CommandSender sender, String line);
}

package dev.plinth.core.runtime.command;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs a command. Called on the game thread, after the permission check passed.
 */
@ConsumerType
@FunctionalInterface
public interface CommandHandler {

    /**
     * Runs the command.
     *
     * @param sender who typed it
     * @param args the words after the command name
     * @throws CommandException to tell the sender what was wrong (the message is sent to them as it is)
     * @throws Exception any other failure: logged with the owning resource; the sender is told the command failed
     */
    void execute(CommandSender sender, List<String> args) throws Exception;
}

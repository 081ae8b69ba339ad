package dev.plinth.core.runtime.command;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who runs a command: a player, or the server console. Thread rule: call on the game thread.
 */
@ProviderType
public interface CommandSender {

    /**
     * The sender's name.
     *
     * @return a player's name, or {@code console}
     */
    String name();

    /**
     * Sends the sender a chat message.
     *
     * @param message the text
     */
    void sendMessage(String message);

    /**
     * Whether the sender holds a permission node. The console holds every node.
     *
     * @param node for example {@code hello.command.greet}
     * @return {@code true} when granted (directly, through a group, a wildcard, or as an operator)
     */
    boolean hasPermission(String node);
}

package dev.plinth.core.runtime.command;

import dev.plinth.core.runtime.HostException;
import java.io.Serial;

/**
 * A command could not be registered (invalid name, duplicate) or could not run as typed. Thrown by a
 * {@link CommandHandler}, its message is sent to the sender as it is ({@code Usage: /warp NAME}).
 */
public class CommandException extends HostException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the sender or the resource author should read
     */
    public CommandException(String message) {
        super(message);
    }
}

package dev.plinth.shell;

import java.io.Serial;

/**
 * A shell command was called with missing or wrong arguments; the message is its usage. Shown as it is, without the
 * exception's class name, by the interactive shell and the scripted console alike.
 */
public final class UsageException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param usage what to print: {@code usage: sim:join NAME} and the lines that follow
     */
    public UsageException(String usage) {
        super(usage);
    }

    /** {@return the usage alone} The shells print an exception's {@code toString()}. */
    @Override
    public String toString() {
        return getMessage();
    }
}

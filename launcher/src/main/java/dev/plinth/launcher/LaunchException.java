package dev.plinth.launcher;

import java.io.Serial;

/** The instance cannot be launched: bad arguments, an unusable home folder, or a framework that failed to start. */
public final class LaunchException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in a sentence a server owner can act on
     * @param exitCode the process exit code to use
     */
    public LaunchException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The process exit code this failure ends with. */
    public int exitCode() {
        return exitCode;
    }
}

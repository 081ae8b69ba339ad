package dev.plinth.core.runtime.config;

import dev.plinth.core.runtime.HostException;
import java.io.Serial;

/** A config file could not be read or written; the message names the file. */
public class ConfigException extends HostException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file
     * @param cause the underlying failure
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file
     */
    public ConfigException(String message) {
        super(message);
    }
}

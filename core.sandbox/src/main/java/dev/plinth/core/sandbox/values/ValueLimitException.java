package dev.plinth.core.sandbox.values;

import dev.plinth.core.sandbox.SandboxException;
import java.io.Serial;

/** A value passed from a script to the host is too large, too deep, or shares too much. */
public final class ValueLimitException extends SandboxException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param resource the resource refused
     * @param message the message, naming the resource and the value
     */
    public ValueLimitException(String resource, String message) {
        super(resource, message);
    }
}

package dev.plinth.core.sandbox.limits;

import dev.plinth.core.sandbox.SandboxException;
import java.io.Serial;

/** A manifest asks for a limit that is none: 0, negative, or too large to count. */
public final class InvalidLimitsException extends SandboxException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param resource the resource refused
     * @param message the message, naming the resource, the file and the field
     */
    public InvalidLimitsException(String resource, String message) {
        super(resource, message);
    }
}

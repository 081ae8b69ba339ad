package dev.plinth.core.sandbox.events;

import dev.plinth.core.sandbox.SandboxException;
import java.io.Serial;

/** A script tried to emit an event outside its own namespace. */
public final class EmitDeniedException extends SandboxException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param resource the resource refused
     * @param message the message, naming the resource and the event
     */
    public EmitDeniedException(String resource, String message) {
        super(resource, message);
    }
}

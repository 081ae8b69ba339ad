package dev.plinth.core.sandbox.permission;

import dev.plinth.core.sandbox.SandboxException;
import java.io.Serial;

/** A script called an API its manifest does not grant, or its manifest names no such permission. */
public final class PermissionDeniedException extends SandboxException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param resource the resource refused
     * @param message the message, naming the resource and the permission
     */
    public PermissionDeniedException(String resource, String message) {
        super(resource, message);
    }
}

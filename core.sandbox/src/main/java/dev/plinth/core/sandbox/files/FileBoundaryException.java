package dev.plinth.core.sandbox.files;

import dev.plinth.core.sandbox.SandboxException;
import java.io.Serial;

/** A path that leaves the resource's folder, or content above its quota. */
public final class FileBoundaryException extends SandboxException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param resource the resource refused
     * @param message the message, naming the resource and the path
     */
    public FileBoundaryException(String resource, String message) {
        super(resource, message);
    }
}

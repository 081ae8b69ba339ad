package dev.plinth.core.sandbox;

import java.io.Serial;

/**
 * The root of the sandbox's exceptions: a script asked for something its sandbox refuses. One subclass per concept
 * ({@code PermissionDeniedException}, {@code FileBoundaryException}, {@code ValueLimitException},
 * {@code EmitDeniedException}, {@code InvalidLimitsException}); every message names the resource and, where there
 * is one, the permission, file, field or limit, ready to be shown to the script as an error.
 */
public abstract class SandboxException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String resource;

    /**
     * Creates the exception.
     *
     * @param resource the resource refused
     * @param message what was refused and why, naming the resource
     */
    protected SandboxException(String resource, String message) {
        super(message);
        this.resource = resource;
    }

    /**
     * The resource refused.
     *
     * @return its name
     */
    public String resource() {
        return resource;
    }
}

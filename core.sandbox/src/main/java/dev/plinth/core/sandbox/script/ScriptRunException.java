package dev.plinth.core.sandbox.script;

import dev.plinth.core.sandbox.SandboxException;
import java.io.Serial;

/**
 * A script failed: it did not load, raised an error, broke a limit, or its runtime is closed. The message names the
 * resource, the file and the line ({@code hud: client/main.lua:3: attempt to call a nil value}).
 */
public final class ScriptRunException extends SandboxException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean fatal;

    /**
     * Creates the exception.
     *
     * @param resource the script's resource
     * @param message what failed, naming the resource, the file and the line
     * @param fatal whether the runtime was closed for it (its limits broken for good)
     */
    public ScriptRunException(String resource, String message, boolean fatal) {
        super(resource, message);
        this.fatal = fatal;
    }

    /** {@return whether the runtime was closed for this failure} */
    public boolean fatal() {
        return fatal;
    }
}

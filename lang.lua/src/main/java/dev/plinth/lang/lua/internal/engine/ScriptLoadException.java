package dev.plinth.lang.lua.internal.engine;

import java.io.Serial;

/** A Lua file could not be loaded: missing, unreadable, a syntax error, or a binary chunk. */
public final class ScriptLoadException extends ScriptException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param failure where and why
     * @param cause the underlying failure, if any
     */
    public ScriptLoadException(ScriptFailure failure, Throwable cause) {
        super(failure, cause);
    }
}

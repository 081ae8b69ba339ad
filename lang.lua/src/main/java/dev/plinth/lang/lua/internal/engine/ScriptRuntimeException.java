package dev.plinth.lang.lua.internal.engine;

import java.io.Serial;

/** Lua code raised an error (or overflowed its stack) while it ran. */
public final class ScriptRuntimeException extends ScriptException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param failure where and why
     * @param cause the Lua error
     */
    public ScriptRuntimeException(ScriptFailure failure, Throwable cause) {
        super(failure, cause);
    }
}

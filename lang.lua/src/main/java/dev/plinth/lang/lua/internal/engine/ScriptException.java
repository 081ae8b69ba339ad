package dev.plinth.lang.lua.internal.engine;

import java.io.Serial;
import java.util.Objects;

/**
 * The root of the Lua host's exceptions, one subclass per phase: loading a file, running code, breaking a limit.
 * The message names the resource, the file and the line; {@link #failure()} has them apart, with the traceback.
 */
public abstract sealed class ScriptException extends RuntimeException
        permits ScriptLoadException, ScriptRuntimeException, ScriptLimitException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ScriptFailure failure;

    ScriptException(ScriptFailure failure, Throwable cause) {
        super(failure.toString(), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * Where and why.
     *
     * @return the failure
     */
    public ScriptFailure failure() {
        return failure;
    }

    /**
     * The message followed by the traceback, for logs.
     *
     * @return the full report
     */
    public String report() {
        return failure.traceback().isEmpty() ? getMessage() : getMessage() + "\n" + failure.traceback();
    }

    /** The {@linkplain #report() report}: logs that print an exception's {@code toString()} show the traceback. */
    @Override
    public String toString() {
        return report();
    }
}

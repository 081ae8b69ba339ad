package dev.plinth.lang.lua.internal.engine;

import dev.plinth.lang.lua.internal.limits.Limit;
import java.io.Serial;

/**
 * A call broke one of the resource's limits and was aborted. When {@link #fatal()}, the resource is being stopped
 * with {@code ERR_SCRIPT_EXECUTION}: a memory limit at once, the instruction budgets after repeated offences.
 */
public final class ScriptLimitException extends ScriptException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Limit limit;
    private final int offences;
    private final boolean fatal;

    /**
     * Creates the exception.
     *
     * @param failure where and why
     * @param cause the error thrown inside Lua
     * @param limit the limit broken
     * @param offences how many calls of the resource broke a limit so far
     * @param fatal whether the resource is stopped for it
     */
    public ScriptLimitException(ScriptFailure failure, Throwable cause, Limit limit, int offences, boolean fatal) {
        super(failure, cause);
        this.limit = limit;
        this.offences = offences;
        this.fatal = fatal;
    }

    /**
     * The limit broken.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }

    /**
     * How many calls of the resource broke a limit so far, this one included.
     *
     * @return the count
     */
    public int offences() {
        return offences;
    }

    /**
     * Whether the resource is stopped for it.
     *
     * @return {@code true} when this was one offence too many, or a memory limit
     */
    public boolean fatal() {
        return fatal;
    }
}

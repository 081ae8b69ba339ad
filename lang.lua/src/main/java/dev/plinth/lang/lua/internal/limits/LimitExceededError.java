package dev.plinth.lang.lua.internal.limits;

import java.io.Serial;
import org.luaj.vm2.LuaError;

/**
 * Thrown inside Lua code when a call breaks a limit. It is a {@link LuaError} so it unwinds Lua frames like any
 * error; a script that catches it with {@code pcall} gains nothing, because the meter refuses every further
 * instruction of that call.
 */
public final class LimitExceededError extends LuaError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Limit limit;

    /**
     * Creates the error.
     *
     * @param limit the limit broken
     * @param detail what was counted, for example {@code 1000000 instructions}
     */
    public LimitExceededError(Limit limit, String detail) {
        super(limit.description() + " exceeded (" + detail + ")");
        this.limit = limit;
    }

    /**
     * The limit broken.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }
}

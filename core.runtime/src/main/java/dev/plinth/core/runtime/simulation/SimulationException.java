package dev.plinth.core.runtime.simulation;

import java.io.Serial;

/**
 * A simulation step could not run: no such player, a block that is not there, a form that is not open. The
 * message starts with the error code ({@code ERR_NOT_FOUND: no player 'bob' is online}).
 */
public final class SimulationException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Something named does not exist. */
    public static final String NOT_FOUND = "ERR_NOT_FOUND";
    /** An argument is malformed or out of range. */
    public static final String INVALID_ARGUMENT = "ERR_INVALID_ARGUMENT";
    /** The step does not fit the current state (a player already online, a block already there). */
    public static final String INVALID_STATE = "ERR_INVALID_STATE";

    private final String code;

    /**
     * Creates the exception.
     *
     * @param code one of the codes above
     * @param message what went wrong
     */
    public SimulationException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /**
     * The error code.
     *
     * @return for example {@link #NOT_FOUND}
     */
    public String code() {
        return code;
    }
}

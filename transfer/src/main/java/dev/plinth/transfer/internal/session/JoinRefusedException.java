package dev.plinth.transfer.internal.session;

import java.io.Serial;

/** A join refused, with the HTTP status to answer and the reason. */
public final class JoinRefusedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param status 400 for a bad request, 403 refused by the world, 409 already connected
     * @param message why
     */
    public JoinRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** {@return the HTTP status} */
    public int status() {
        return status;
    }
}

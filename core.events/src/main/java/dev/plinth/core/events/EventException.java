package dev.plinth.core.events;

import java.io.Serial;

/** The root of the event bus's exceptions: a refused subscription or a forbidden change to an event. */
public class EventException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the event or the handler
     */
    public EventException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the event or the handler
     * @param cause the underlying failure
     */
    public EventException(String message, Throwable cause) {
        super(message, cause);
    }
}

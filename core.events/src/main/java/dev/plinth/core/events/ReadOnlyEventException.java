package dev.plinth.core.events;

import java.io.Serial;

/** A {@link EventPriority#MONITOR} handler tried to change the event it observes. */
public final class ReadOnlyEventException extends EventException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param eventName the event that was to be changed
     */
    public ReadOnlyEventException(String eventName) {
        super("event '" + eventName + "' is read-only for MONITOR handlers");
    }
}

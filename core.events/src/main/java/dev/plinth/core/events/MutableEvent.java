package dev.plinth.core.events;

/**
 * Base class for typed events whose fields handlers may change (a chat message, a cancellation). Setters call
 * {@link #checkMutable()}, which the bus arms while {@link EventPriority#MONITOR} handlers run, so observers
 * cannot change what they observe.
 *
 * <p>Not thread-safe, like every event: it lives on the posting thread for the duration of its dispatch.
 */
public abstract class MutableEvent implements Event {

    private boolean readOnly;

    /** Creates a mutable event. */
    protected MutableEvent() {}

    /**
     * Throws when the event may not be changed any more.
     *
     * @throws ReadOnlyEventException while {@link EventPriority#MONITOR} handlers run
     */
    protected final void checkMutable() {
        if (readOnly) {
            throw new ReadOnlyEventException(name());
        }
    }

    /**
     * Whether the event is read-only now (while MONITOR handlers run).
     *
     * @return {@code true} when setters throw
     */
    public final boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Arms or disarms the read-only guard. Called by the event bus around the MONITOR phase of a dispatch; a
     * handler has no reason to call it.
     *
     * @param readOnly whether setters throw from now on
     */
    public final void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }
}

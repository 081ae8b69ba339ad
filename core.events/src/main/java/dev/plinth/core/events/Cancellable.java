package dev.plinth.core.events;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An event whose effect a handler can prevent. Once cancelled, the remaining handlers below {@link
 * EventPriority#MONITOR} are skipped unless they asked to receive cancelled events; MONITOR handlers always run and
 * cannot change the flag (the bus restores it and counts an error against the handler).
 */
@ConsumerType
public interface Cancellable extends Event {

    /**
     * Whether a handler has cancelled the event.
     *
     * @return {@code true} when cancelled
     */
    boolean isCancelled();

    /**
     * Cancels the event or takes a cancellation back.
     *
     * @param cancelled the new state
     * @throws ReadOnlyEventException when called from a {@link EventPriority#MONITOR} handler
     */
    void setCancelled(boolean cancelled);

    /** Shorthand for {@code setCancelled(true)}. */
    default void cancel() {
        setCancelled(true);
    }
}

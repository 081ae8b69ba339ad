package dev.plinth.core.events;

/**
 * Base class for typed events that can be cancelled: the flag and its MONITOR guard.
 *
 * <p>Not thread-safe, like every event.
 */
public abstract class CancellableEvent extends MutableEvent implements Cancellable {

    private boolean cancelled;

    /** Creates an event that is not cancelled. */
    protected CancellableEvent() {}

    @Override
    public final boolean isCancelled() {
        return cancelled;
    }

    @Override
    public final void setCancelled(boolean cancelled) {
        checkMutable();
        this.cancelled = cancelled;
    }
}

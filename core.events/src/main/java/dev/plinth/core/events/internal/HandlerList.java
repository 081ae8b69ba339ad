package dev.plinth.core.events.internal;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.MutableEvent;

/**
 * The baked handlers of one event class or name, in dispatch order, with what the dispatch loop needs to know
 * about the event kind. Immutable except for the dispatch counter and the stale mark; replaced (never changed)
 * when subscriptions change.
 */
final class HandlerList {

    /** The event cannot be cancelled. */
    static final int NOT_CANCELLABLE = 0;
    /** A {@link CancellableEvent}: its final flag is read directly, and MONITOR cannot change it. */
    static final int CANCELLABLE_EVENT = 1;
    /** Another {@link Cancellable}: read through the interface, snapshot and restored around MONITOR handlers. */
    static final int CANCELLABLE = 2;

    final Handler[] handlers;
    /** Index of the first MONITOR handler, {@code handlers.length} when there is none. */
    final int monitorStart;
    final int cancellation;
    /** The event is a {@link MutableEvent}: armed read-only for the MONITOR phase. */
    final boolean mutable;
    /** A dispatch is timed when {@code (dispatches & sampleMask) == 0}. */
    final int sampleMask;
    /** How often this list was dispatched; plain field, see {@link Handler}. */
    long dispatches;
    /**
     * Set (under the registry's lock) when the list is replaced: only then may one of its handlers have been closed
     * since it was baked, so only then does the dispatch loop look at {@link Handler#closed}.
     */
    boolean stale;

    HandlerList(Handler[] handlers, Class<?> eventType, int sampleMask) {
        this.handlers = handlers;
        int monitor = handlers.length;
        while (monitor > 0 && handlers[monitor - 1].priority == EventPriority.MONITOR) {
            monitor--;
        }
        this.monitorStart = monitor;
        this.cancellation = CancellableEvent.class.isAssignableFrom(eventType) ? CANCELLABLE_EVENT
                : Cancellable.class.isAssignableFrom(eventType) ? CANCELLABLE : NOT_CANCELLABLE;
        this.mutable = MutableEvent.class.isAssignableFrom(eventType);
        this.sampleMask = sampleMask;
    }

    /** Marks the list replaced and folds its dispatches into its handlers' call counts. */
    void retire() {
        stale = true;
        for (Handler handler : handlers) {
            handler.retiredDispatches += dispatches;
        }
    }
}

package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import java.util.Comparator;

/**
 * One subscribed handler: what it listens to, where it runs in the order, and what it has cost.
 *
 * <p>The counters are plain fields written by the posting threads without synchronisation, so that dispatch never
 * allocates nor pays for atomics. Calls are not counted per handler but per dispatch of a {@link HandlerList} (see
 * {@link HandlerRegistry#statistics}); a handler counts only the calls it was skipped for. The counts are exact
 * with one posting thread while subscriptions stay put; an increment may be lost when threads post the same event
 * at once, and a post racing a subscription change on another thread may go uncounted (at most one per change and
 * posting thread). They are statistics, not a ledger.
 */
final class Handler {

    /** Priority, then the owner's load order, then registration order. */
    static final Comparator<Handler> ORDER = Comparator.comparingInt((Handler h) -> h.priority.ordinal())
            .thenComparingLong(h -> h.owner.order())
            .thenComparingLong(h -> h.sequence);

    final Owner owner;
    /** The event class ({@code Class}) or the event name ({@code String}) it was subscribed to. */
    final Object key;
    final EventHandler<Event> target;
    final EventPriority priority;
    /** Skipped once the event is cancelled (below MONITOR). */
    final boolean skipsCancelled;
    final String location;
    final long sequence;
    /** Set when unsubscribed: a dispatch that still holds the old handler list skips it. */
    boolean closed;

    // Written by posting threads (see the class comment).
    long skipped;
    long errors;
    long sampledCalls;
    long sampledNanos;
    long maxNanos;

    // Guarded by the registry's lock.
    /** Dispatches of handler lists this handler was in that have since been replaced. */
    long retiredDispatches;
    /** Calls at the last statistics reset. */
    long callsAtReset;

    Handler(Owner owner, Object key, EventHandler<Event> target, EventPriority priority, boolean receiveCancelled,
            String location, long sequence) {
        this.owner = owner;
        this.key = key;
        this.target = target;
        this.priority = priority;
        this.skipsCancelled = !receiveCancelled && priority != EventPriority.MONITOR;
        this.location = location;
        this.sequence = sequence;
    }

    /** Records one timed call. */
    void timed(long nanos) {
        sampledCalls++;
        sampledNanos += nanos;
        if (nanos > maxNanos) {
            maxNanos = nanos;
        }
    }

    @Override
    public String toString() {
        return location + " of " + owner.label() + " (" + priority + ")";
    }
}

package dev.plinth.benchmarks;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import java.util.Map;

/** The event every dispatch benchmark posts: cancellable and mutable, like a game event. Not thread-safe. */
@EventName(BenchEvent.NAME)
public final class BenchEvent extends CancellableEvent {

    /** Its name. */
    public static final String NAME = "bench:event";

    private long total;

    /** Creates the event. */
    public BenchEvent() {}

    /**
     * What each handler does: a guarded change of the event.
     *
     * @param amount what to add
     */
    public void add(long amount) {
        checkMutable();
        total += amount;
    }

    /**
     * The sum of every handler's amount so far.
     *
     * @return the total
     */
    public long total() {
        return total;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("total", total);
    }
}

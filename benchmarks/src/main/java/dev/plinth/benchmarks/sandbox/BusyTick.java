package dev.plinth.benchmarks.sandbox;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;

/** A busy tick's worth of handler calls: what one operation of every accounting benchmark runs. */
public final class BusyTick {

    /** The handler calls of a busy tick. */
    public static final int CALLS = 1_000;

    private BusyTick() {}

    /**
     * Posts an event {@value #CALLS} times.
     *
     * @param <E> the event's type
     * @param bus the bus, with one handler subscribed
     * @param event the event
     * @return the event as the last post left it
     */
    public static <E extends Event> E post(EventBus bus, E event) {
        E last = event;
        for (int i = 0; i < CALLS; i++) {
            last = bus.post(event);
        }
        return last;
    }
}

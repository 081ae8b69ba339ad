package dev.plinth.core.events.internal;

import dev.plinth.core.events.NamedEvent;
import org.jspecify.annotations.Nullable;

/**
 * Where the dispatcher finds the baked handlers of one event class (through a {@code ClassValue}) or of one event
 * name (through a map). {@link #list} is {@code null} while stale: the next post bakes it again.
 */
final class Slot {

    /** The event class; {@link NamedEvent} for a name slot. */
    final Class<?> type;
    /** The event name: fixed for a name slot, learned from the first posted instance for a class slot. */
    volatile @Nullable String name;
    volatile @Nullable HandlerList list;

    private Slot(Class<?> type, @Nullable String name) {
        this.type = type;
        this.name = name;
    }

    static Slot forType(Class<?> type) {
        return new Slot(type, null);
    }

    /**
     * A slot for named events.
     *
     * @param name the name, or {@code null} for the names nobody subscribed to
     */
    static Slot forName(@Nullable String name) {
        return new Slot(NamedEvent.class, name);
    }

    boolean named() {
        return type == NamedEvent.class;
    }
}

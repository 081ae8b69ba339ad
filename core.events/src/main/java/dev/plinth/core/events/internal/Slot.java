package dev.plinth.core.events.internal;

import dev.plinth.core.events.EventName;
import dev.plinth.core.events.NamedEvent;
import org.jspecify.annotations.Nullable;

/**
 * Where the dispatcher finds the baked handlers of one event class (through a {@code ClassValue}) or of one event
 * name (through a map). {@link #list} is {@code null} while stale: the next post bakes it again.
 */
final class Slot {

    /** The event class; {@link NamedEvent} for a name slot. */
    final Class<?> type;
    /** The name the class declares with a well-formed {@link EventName}; {@code null} for a name slot. */
    final @Nullable String declared;
    /**
     * The event name: fixed for a name slot; for a class slot, the declared name, else learned from the first
     * posted instance.
     */
    volatile @Nullable String name;
    /** Why the class may be neither subscribed to nor posted, {@code null} while nothing is wrong with it. */
    volatile @Nullable String refusal;
    volatile @Nullable HandlerList list;
    /**
     * How many events were posted through this slot, with or without handlers. A plain field, like
     * {@link HandlerList#dispatches}: two threads posting at the same instant may lose one count.
     */
    long posts;

    private Slot(Class<?> type, @Nullable String declared, @Nullable String name, @Nullable String refusal) {
        this.type = type;
        this.declared = declared;
        this.name = name;
        this.refusal = refusal;
    }

    /** The slot of an event class, with the name its {@link EventName} declares (read here, once per class). */
    static Slot forType(Class<?> type) {
        EventName annotation = type.getAnnotation(EventName.class);
        if (annotation == null) {
            return new Slot(type, null, null, null);
        }
        String declared = annotation.value();
        if (!NamedEvent.NAME.matcher(declared).matches()) {
            return new Slot(type, null, null, EventTypes.malformedName(declared));
        }
        return new Slot(type, declared, declared, null);
    }

    /**
     * A slot for named events.
     *
     * @param name the name, or {@code null} for the names nobody subscribed to
     */
    static Slot forName(@Nullable String name) {
        return new Slot(NamedEvent.class, null, name, null);
    }

    boolean named() {
        return type == NamedEvent.class;
    }
}

package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventException;
import java.lang.reflect.Modifier;

/** What the bus accepts as an event class to subscribe to. */
final class EventTypes {

    private EventTypes() {}

    /** A class events are posted as: a class, not an interface, not abstract. */
    static boolean concrete(Class<?> type) {
        return !type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !type.isArray()
                && !type.isPrimitive();
    }

    /**
     * Checks a class given to {@code subscribe}.
     *
     * @throws EventException when it is not a concrete event class
     */
    static void checkSubscribable(Class<?> type) {
        if (!Event.class.isAssignableFrom(type)) {
            throw new EventException("cannot subscribe to " + type.getName() + ": it is not an Event");
        }
        if (!concrete(type)) {
            throw new EventException("cannot subscribe to " + type.getName() + ": handlers receive events of one exact "
                    + "class, so subscribe to a concrete event class (or by event name)");
        }
    }
}

package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.NamedEvent;
import java.lang.reflect.Modifier;

/** What the bus accepts as an event class to subscribe to, and what it says about a wrong {@code @EventName}. */
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

    /** Why a class whose {@code @EventName} is not an event name is refused. */
    static String malformedName(String declared) {
        return "its @EventName(\"" + declared + "\") is not an event name: " + NamedEvent.NAME_RULE;
    }

    /** Why a class whose {@code @EventName} differs from what its instances' {@code name()} returns is refused. */
    static String nameMismatch(String declared, String actual) {
        return "its @EventName(\"" + declared + "\") differs from what its name() returns, \"" + actual
                + "\"; the two must be equal";
    }
}

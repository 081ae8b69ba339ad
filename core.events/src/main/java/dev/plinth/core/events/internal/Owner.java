package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;

/**
 * Who subscribed a handler: a bundle's view of the bus (or the console). Its {@link #order() order} is the load
 * order the dispatcher sorts equal priorities by: the order in which owners obtained the bus.
 *
 * <p>The handler set and the active flag are guarded by the {@link HandlerRegistry}'s lock.
 */
final class Owner {

    private final String label;
    private final long order;
    private final @Nullable Bundle bundle;
    final Set<Handler> handlers = new LinkedHashSet<>();
    boolean active = true;
    /**
     * The slot of the event class this owner posted last: a one-entry cache in front of the registry's
     * {@code ClassValue}, for the common run of posts of one class. Racy on purpose: a slot's class never changes,
     * so any slot read here is a valid one; a miss only costs the {@code ClassValue} lookup.
     */
    Slot recentSlot = Slot.forType(Event.class);

    Owner(String label, long order, @Nullable Bundle bundle) {
        this.label = label;
        this.order = order;
        this.bundle = bundle;
    }

    /** The resource name shown in statistics, logs and as the {@code source} of the events it posts. */
    String label() {
        return label;
    }

    long order() {
        return order;
    }

    /** The bundle the handlers' failures are logged for; {@code null} for the console and for tests. */
    @Nullable Bundle bundle() {
        return bundle;
    }

    @Override
    public String toString() {
        return label;
    }
}

package dev.plinth.core.events;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Handles one kind of event. Called on the posting thread; a handler that throws is isolated: the bus logs the
 * failure with the handler's owner and event, counts it, and runs the remaining handlers.
 *
 * @param <E> the event type
 */
@ConsumerType
@FunctionalInterface
public interface EventHandler<E extends Event> {

    /**
     * Handles the event.
     *
     * @param event the event, valid only during this call
     * @throws Exception any failure; it never reaches the poster or the other handlers
     */
    void handle(E event) throws Exception;
}

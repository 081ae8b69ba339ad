package dev.plinth.core.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The event bus every resource shares, obtained as a bundle-scoped OSGi service: each bundle gets its own view,
 * and every handler subscribed through it belongs to that bundle and disappears when the bundle stops.
 *
 * <h2>Order</h2>
 * Handlers run by {@link EventPriority} from LOWEST to MONITOR; at equal priority, in the load order of their
 * owners (the order in which each owner first obtained the bus), then in registration order. A handler subscribed
 * by event name and one subscribed by the typed event class of that name are ordered together (from the first
 * post, or from the start when the class carries its {@link EventName}).
 *
 * <h2>Cancellation</h2>
 * Once a {@link Cancellable} event is cancelled, the remaining handlers below MONITOR are skipped unless they
 * asked to receive cancelled events; MONITOR handlers always run and see the event read-only.
 *
 * <h2>Threads</h2>
 * Dispatch runs on the posting thread, synchronously. Subscribing, unsubscribing, {@link #hasHandlers} and
 * {@link #statistics()} are thread-safe and may be called from any thread, including from inside a handler; a
 * change takes effect from the next post. Posting from inside a handler dispatches the inner event at once and
 * gives it the outer event's correlation id.
 */
@ProviderType
public interface EventBus {

    /**
     * Subscribes a NORMAL handler to a typed event that skips cancelled events.
     *
     * @param <E> the event type
     * @param type the event class (the exact class: handlers are not inherited by subclasses)
     * @param handler the handler
     * @return the subscription
     * @throws EventException when the class is no concrete event class, or its {@link EventName} is malformed or
     *     was found to differ from its {@code name()}
     */
    <E extends Event> Subscription subscribe(Class<E> type, EventHandler<? super E> handler);

    /**
     * Subscribes a handler to a typed event.
     *
     * @param <E> the event type
     * @param type the event class
     * @param options priority, cancelled events, location
     * @param handler the handler
     * @return the subscription
     * @throws EventException when the class is no concrete event class, or its {@link EventName} is malformed or
     *     was found to differ from its {@code name()}
     */
    <E extends Event> Subscription subscribe(Class<E> type, HandlerOptions options, EventHandler<? super E> handler);

    /**
     * Subscribes a handler to every event of a name, typed or named: {@code player_join} receives the typed
     * join event, {@code myplugin:my_event} the named events a script posts.
     *
     * @param name the event name
     * @param options priority, cancelled events, location
     * @param handler the handler
     * @return the subscription
     * @throws EventException when the name is malformed
     */
    Subscription subscribe(String name, HandlerOptions options, EventHandler<Event> handler);

    /**
     * Subscribes every {@link Subscribe} method of a listener object.
     *
     * @param listener the object whose annotated methods handle events
     * @return one subscription for all of its handlers
     * @throws EventException when an annotated method is not a public void method of one concrete event parameter,
     *     or when the object has none
     */
    Subscription register(Object listener);

    /**
     * Dispatches a typed event to its handlers on this thread and returns it, with any changes the handlers made.
     *
     * @param <E> the event type
     * @param event the event
     * @return the same event
     * @throws EventException when the event's class carries an {@link EventName} other than its {@code name()}
     */
    <E extends Event> E post(E event);

    /**
     * Dispatches a typed event addressed to a resource or player.
     *
     * @param <E> the event type
     * @param event the event
     * @param target the resource or player it is meant for
     * @return the same event
     * @throws EventException when the event's class carries an {@link EventName} other than its {@code name()}
     */
    <E extends Event> E post(E event, String target);

    /**
     * Dispatches a typed event to the handlers one bundle subscribed, and to no other, with the usual order,
     * cancellation and MONITOR rules: how the server gives a reloaded resource what it would otherwise have missed
     * (a {@code player_join} for each player already online). Not for ordinary posts, which every handler sees.
     *
     * @param <E> the event type
     * @param event the event
     * @param bundle the bundle whose handlers receive it (while it is started)
     * @return the same event
     * @throws EventException when the event's class carries an {@link EventName} other than its {@code name()}
     */
    <E extends Event> E replay(E event, Bundle bundle);

    /**
     * Posts an event by name, as scripts do.
     *
     * @param name the event name, for example {@code myplugin:my_event}
     * @param payload plain values (see {@link NamedEvent#of})
     * @return the event after its dispatch (cancelled or not)
     * @throws EventException when the name or the payload is invalid
     */
    NamedEvent post(String name, Map<String, ?> payload);

    /**
     * Whether anyone listens to events of this class (or its name): posters may skip building events nobody
     * handles.
     *
     * @param type the event class
     * @return {@code true} when at least one handler is subscribed
     */
    boolean hasHandlers(Class<? extends Event> type);

    /**
     * Whether anyone listens to events of this name.
     *
     * @param name the event name
     * @return {@code true} when at least one handler is subscribed
     */
    boolean hasHandlers(String name);

    /**
     * The envelope of the event being dispatched on the calling thread (the innermost one when events nest).
     *
     * @return the envelope, or empty outside of a dispatch
     */
    Optional<EventEnvelope> currentEnvelope();

    /**
     * What every handler of every owner has cost so far, slowest total first.
     *
     * @return a snapshot
     */
    List<HandlerStats> statistics();

    /**
     * How many events of each name were posted since the bus started, handled or not, for the metrics. Typed events
     * count under their name; named events nobody subscribes to count together under {@code other}. Counts are
     * kept without synchronization on the posting path: under concurrent posts of one name a count may be short.
     *
     * @return event name to posts, sorted by name
     */
    Map<String, Long> posts();
}

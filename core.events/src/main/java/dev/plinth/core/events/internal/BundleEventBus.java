package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link EventBus} service, one instance per bundle that uses it: every handler subscribed through it belongs
 * to that bundle, and all of them are unsubscribed when the bundle ungets the service (when it stops, at the
 * latest). The owner's name, the {@code source} of the events it posts, is the bundle's resource name (its
 * {@code plinth.resource} capability, else its symbolic name); its place in the load order is when it first got
 * the bus.
 *
 * <p>Thread-safe, like the {@link EventDispatcher} it delegates to.
 */
@Component(service = EventBus.class, scope = ServiceScope.BUNDLE)
public class BundleEventBus implements EventBus {

    private final EventDispatcher dispatcher;
    private final Owner owner;

    /**
     * Creates the view of the bundle that gets the service.
     *
     * @param context the component context, whose using bundle owns this view
     * @param dispatcher the shared dispatcher
     */
    @Activate
    public BundleEventBus(ComponentContext context, @Reference EventDispatcher dispatcher) {
        this(dispatcher, dispatcher.join(ResourceNames.of(context.getUsingBundle()), context.getUsingBundle()));
    }

    BundleEventBus(EventDispatcher dispatcher, Owner owner) {
        this.dispatcher = dispatcher;
        this.owner = owner;
    }

    /** The bundle ungot the service or stopped: its handlers go. */
    @Deactivate
    void release() {
        dispatcher.leave(owner);
    }

    @Override
    public <E extends Event> Subscription subscribe(Class<E> type, EventHandler<? super E> handler) {
        return subscribe(type, HandlerOptions.defaults(), handler);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends Event> Subscription subscribe(Class<E> type, HandlerOptions options,
            EventHandler<? super E> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, "handler");
        EventTypes.checkSubscribable(type);
        // Only events of exactly this class reach the handler (NamedEvents by their class too).
        return dispatcher.subscribe(owner, Registration.of(type, options, (EventHandler<Event>) handler));
    }

    @Override
    public Subscription subscribe(String name, HandlerOptions options, EventHandler<Event> handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, "handler");
        if (!NamedEvent.NAME.matcher(name).matches()) {
            throw new EventException("cannot subscribe to event '" + name
                    + "': " + NamedEvent.NAME_RULE);
        }
        return dispatcher.subscribe(owner, Registration.of(name, options, handler));
    }

    @Override
    public Subscription register(Object listener) {
        return dispatcher.register(owner, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public <E extends Event> E post(E event) {
        return dispatcher.post(Objects.requireNonNull(event, "event"), owner, null);
    }

    @Override
    public <E extends Event> E post(E event, String target) {
        return dispatcher.post(Objects.requireNonNull(event, "event"), owner, Objects.requireNonNull(target, "target"));
    }

    @Override
    public <E extends Event> E replay(E event, Bundle bundle) {
        return dispatcher.replay(Objects.requireNonNull(event, "event"), owner, Objects.requireNonNull(bundle, "bundle"));
    }

    @Override
    public NamedEvent post(String name, Map<String, ?> payload) {
        return dispatcher.post(NamedEvent.of(name, payload), owner, null);
    }

    @Override
    public boolean hasHandlers(Class<? extends Event> type) {
        return dispatcher.hasHandlers(Objects.requireNonNull(type, "type"));
    }

    @Override
    public boolean hasHandlers(String name) {
        return dispatcher.hasHandlers(Objects.requireNonNull(name, "name"));
    }

    @Override
    public Optional<EventEnvelope> currentEnvelope() {
        return dispatcher.currentEnvelope();
    }

    @Override
    public List<HandlerStats> statistics() {
        return dispatcher.statistics();
    }

    @Override
    public Map<String, Long> posts() {
        return dispatcher.posts();
    }

    @Override
    public String toString() {
        return "event bus of " + owner.label();
    }
}

package dev.plinth.core.runtime.testing;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.events.internal.EventDispatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;

/**
 * The real event bus (core.events' dispatcher, outside OSGi, owned by {@code server}) that also records every
 * event posted through it, for tests to look at. Thread-safe, like the bus.
 */
public final class RecordingEventBus implements EventBus {

    private final EventBus bus = new EventDispatcher(1).open("server");
    private final List<Event> posted = new CopyOnWriteArrayList<>();

    /** {@return every event posted so far, in order} */
    public List<Event> posted() {
        return List.copyOf(posted);
    }

    /** {@return the posted events of a type} */
    public <E extends Event> List<E> posted(Class<E> type) {
        return posted.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public <E extends Event> Subscription subscribe(Class<E> type, EventHandler<? super E> handler) {
        return bus.subscribe(type, handler);
    }

    @Override
    public <E extends Event> Subscription subscribe(Class<E> type, HandlerOptions options,
            EventHandler<? super E> handler) {
        return bus.subscribe(type, options, handler);
    }

    @Override
    public Subscription subscribe(String name, HandlerOptions options, EventHandler<Event> handler) {
        return bus.subscribe(name, options, handler);
    }

    @Override
    public Subscription register(Object listener) {
        return bus.register(listener);
    }

    @Override
    public <E extends Event> E post(E event) {
        posted.add(event);
        return bus.post(event);
    }

    @Override
    public <E extends Event> E post(E event, String target) {
        posted.add(event);
        return bus.post(event, target);
    }

    @Override
    public <E extends Event> E replay(E event, Bundle bundle) {
        posted.add(event);
        return bus.replay(event, bundle);
    }

    @Override
    public NamedEvent post(String name, Map<String, ?> payload) {
        return post(NamedEvent.of(name, payload));
    }

    @Override
    public boolean hasHandlers(Class<? extends Event> type) {
        return bus.hasHandlers(type);
    }

    @Override
    public boolean hasHandlers(String name) {
        return bus.hasHandlers(name);
    }

    @Override
    public Optional<EventEnvelope> currentEnvelope() {
        return bus.currentEnvelope();
    }

    @Override
    public List<HandlerStats> statistics() {
        return bus.statistics();
    }

    @Override
    public Map<String, Long> posts() {
        return bus.posts();
    }
}

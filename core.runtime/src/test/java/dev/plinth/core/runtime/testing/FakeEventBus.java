package dev.plinth.core.runtime.testing;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.MutableEvent;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.Subscription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-test event bus with the semantics the real one documents: priority order, cancellation skipping the rest
 * below MONITOR, read-only MONITOR handlers, isolated failures. It also records every event posted.
 */
public final class FakeEventBus implements EventBus {

    private record Handler(String name, HandlerOptions options, EventHandler<Event> handler, long order) {}

    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private long registrations;

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
        return subscribe(type, HandlerOptions.defaults(), handler);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends Event> Subscription subscribe(Class<E> type, HandlerOptions options,
            EventHandler<? super E> handler) {
        String name;
        try {
            name = (String) type.getField("NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " has no NAME", e);
        }
        return add(name, options, event -> ((EventHandler<E>) handler).handle((E) event));
    }

    @Override
    public Subscription subscribe(String name, HandlerOptions options, EventHandler<Event> handler) {
        return add(name, options, handler);
    }

    private synchronized Subscription add(String name, HandlerOptions options, EventHandler<Event> handler) {
        var entry = new Handler(name, options, handler, registrations++);
        handlers.add(entry);
        return new Subscription() {
            @Override
            public void close() {
                handlers.remove(entry);
            }

            @Override
            public boolean isActive() {
                return handlers.contains(entry);
            }
        };
    }

    @Override
    public Subscription register(Object listener) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public <E extends Event> E post(E event) {
        posted.add(event);
        var sorted = new ArrayList<>(handlers.stream().filter(h -> h.name().equals(event.name())).toList());
        sorted.sort(Comparator.comparing((Handler h) -> h.options().priority()).thenComparingLong(Handler::order));
        for (Handler h : sorted) {
            boolean monitor = h.options().priority() == EventPriority.MONITOR;
            boolean cancelled = event instanceof Cancellable c && c.isCancelled();
            if (cancelled && !monitor && !h.options().receiveCancelled()) {
                continue;
            }
            if (monitor && event instanceof MutableEvent mutable) {
                mutable.readOnly(true);
            }
            try {
                h.handler().handle(event);
            } catch (Exception e) {
                // isolated, like the real bus
            } finally {
                if (monitor && event instanceof MutableEvent mutable) {
                    mutable.readOnly(false);
                }
            }
        }
        return event;
    }

    @Override
    public <E extends Event> E post(E event, String target) {
        return post(event);
    }

    @Override
    public NamedEvent post(String name, Map<String, ?> payload) {
        return post(NamedEvent.of(name, payload));
    }

    @Override
    public boolean hasHandlers(Class<? extends Event> type) {
        return true;
    }

    @Override
    public boolean hasHandlers(String name) {
        return handlers.stream().anyMatch(h -> h.name().equals(name));
    }

    @Override
    public Optional<EventEnvelope> currentEnvelope() {
        return Optional.empty();
    }

    @Override
    public List<HandlerStats> statistics() {
        return List.of();
    }
}

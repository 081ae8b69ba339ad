package dev.plinth.core.events.internal;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.MutableEvent;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The one dispatcher behind every bundle's {@link EventBus} view: it owns the subscriptions and runs dispatches.
 *
 * <h2>Dispatch</h2>
 * A post looks up the baked {@link HandlerList} of the event's class (the poster's last class, else a
 * {@code ClassValue}) or name (a map), and returns at once when it is empty. Otherwise it records the dispatch on
 * the posting thread's
 * {@link DispatchContext} (for nested correlation and {@code currentEnvelope()}) and walks the array: handlers
 * below MONITOR, skipping the closed ones and, once the event is cancelled, those that skip cancelled events; then
 * the MONITOR handlers with the event read-only. Each call is isolated: a throwing handler is counted and logged,
 * the others run. Nothing on this path allocates, takes a lock, reflects or looks a service up.
 *
 * <h2>Accounting</h2>
 * Calls are counted per dispatch of a list (one increment per post, not per handler) minus the handlers skipped;
 * one dispatch in {@link TimingSample#rate()} is timed, every handler of it (see {@link TimingSample}).
 *
 * <p>Thread-safe: posts may come from any thread and run on it; see {@link HandlerRegistry} for changes.
 */
@Component(service = EventDispatcher.class, immediate = true, configurationPid = DispatcherConfig.PID)
@Designate(ocd = DispatcherConfig.class)
public final class EventDispatcher {

    /** One dispatch in this many is timed unless configured otherwise. */
    public static final int DEFAULT_TIMING_RATE = TimingSample.DEFAULT_RATE;

    private final HandlerRegistry registry;
    private final FailureLog failures;
    private final ListenerBinder binder = new ListenerBinder();
    private final CorrelationIds correlationIds = new CorrelationIds();
    private final ThreadLocal<DispatchContext> contexts =
            ThreadLocal.withInitial(() -> new DispatchContext(Thread.currentThread()));
    /** The context of the thread that posted last: spares the thread-local lookup while one thread posts. */
    private DispatchContext recent = new DispatchContext(null);

    /**
     * Creates the dispatcher of the framework.
     *
     * @param context the bus bundle's context, for the framework property {@value TimingSample#PROPERTY}
     * @param config its configuration
     */
    @Activate
    public EventDispatcher(BundleContext context, DispatcherConfig config) {
        this(TimingSample.of(config.timing_sample(), context.getProperty(TimingSample.PROPERTY)));
    }

    /**
     * Creates a dispatcher outside OSGi (tests, benchmarks).
     *
     * @param timingRate time one dispatch in this many ({@link #DEFAULT_TIMING_RATE} in the framework; rounded up to
     *     a power of two; 1 times every call)
     */
    public EventDispatcher(int timingRate) {
        this(TimingSample.of(Math.max(1, timingRate), null));
    }

    private EventDispatcher(TimingSample timing) {
        this(timing, new FailureLog());
    }

    private EventDispatcher(TimingSample timing, FailureLog failures) {
        this.registry = new HandlerRegistry(timing.mask());
        this.failures = failures;
    }

    /**
     * A dispatcher with handlers of its own (a {@link DetachedDispatcher}'s) that logs their failures where this one
     * logs its handlers', through the Log Service this one is bound to at the time.
     *
     * @return the new dispatcher
     */
    EventDispatcher withOwnHandlers() {
        return new EventDispatcher(TimingSample.of(DEFAULT_TIMING_RATE, null), failures);
    }

    /** The bus bundle stops: drop what the dispatcher attached to event classes of other bundles. */
    @Deactivate
    void close() {
        registry.close();
    }

    @Modified
    void modified(BundleContext context, DispatcherConfig config) {
        registry.sampleMask(TimingSample.of(config.timing_sample(), context.getProperty(TimingSample.PROPERTY)).mask());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoggerFactory(LoggerFactory loggers) {
        failures.bind(loggers);
    }

    void unbindLoggerFactory(LoggerFactory loggers) {
        failures.unbind(loggers);
    }

    /**
     * A view of the bus for an owner that is not a bundle (tests, benchmarks), last in the load order.
     *
     * @param label the owner's name, the {@code source} of the events it posts
     * @return the view; it stays open as long as the dispatcher
     */
    public EventBus open(String label) {
        return new BundleEventBus(this, join(label, null));
    }

    Owner join(String label, @Nullable Bundle bundle) {
        return registry.join(label, bundle);
    }

    void leave(Owner owner) {
        registry.leave(owner);
    }

    Subscription subscribe(Owner owner, Registration registration) {
        return new HandlerSubscription(registry, registry.add(owner, List.of(registration)));
    }

    Subscription register(Owner owner, Object listener) {
        return new HandlerSubscription(registry, registry.add(owner, binder.bind(listener)));
    }

    boolean hasHandlers(Class<?> type) {
        return registry.hasHandlers(type);
    }

    boolean hasHandlers(String name) {
        return registry.hasHandlers(name);
    }

    List<HandlerStats> statistics() {
        return registry.statistics();
    }

    void resetStatistics() {
        registry.resetStatistics();
    }

    int timingRate() {
        return registry.timingRate();
    }

    int handlerCount(Event event) {
        return registry.handlerCount(event);
    }

    Optional<EventEnvelope> currentEnvelope() {
        return context().envelope(correlationIds);
    }

    /** Dispatches an event on this thread. */
    <E extends Event> E post(E event, Owner source, @Nullable String target) {
        Slot slot = slot(event, source);
        HandlerList list = slot.list;
        if (list == null) {
            list = registry.bake(slot, event);
        }
        slot.posts++;
        if (list.handlers.length != 0) {
            dispatch(list, event, source, target);
        }
        return event;
    }

    /**
     * Dispatches an event on this thread to the handlers one bundle subscribed, and to no other.
     *
     * @param event the event
     * @param source who posts it
     * @param bundle whose handlers receive it
     * @return the event
     */
    <E extends Event> E replay(E event, Owner source, Bundle bundle) {
        Slot slot = slot(event, source);
        HandlerList list = slot.list;
        HandlerList only = registry.only(list != null ? list : registry.bake(slot, event), bundle, event.getClass());
        if (only.handlers.length != 0) {
            try {
                dispatch(only, event, source, null);
            } finally {
                registry.retire(only);
            }
        }
        return event;
    }

    /** How many events of each name were posted. */
    Map<String, Long> posts() {
        return registry.posts();
    }

    /** The slot of an event: by name for a named event, else by class (the poster's last class first). */
    private Slot slot(Event event, Owner source) {
        Class<? extends Event> type = event.getClass();
        Slot slot;
        if (type == NamedEvent.class) {
            slot = registry.nameSlot(((NamedEvent) event).name());
        } else {
            slot = source.recentSlot;
            if (slot.type != type) {
                slot = registry.typeSlot(type);
                source.recentSlot = slot;
            }
        }
        return slot;
    }

    private void dispatch(HandlerList list, Event event, Owner source, @Nullable String target) {
        DispatchContext context = context();
        context.enter(event, source, target);
        try {
            boolean timed = (list.dispatches++ & list.sampleMask) == 0;
            if (timed) {
                runTimed(list, event);
            } else {
                run(list, event);
            }
            if (list.monitorStart != list.handlers.length) {
                runMonitors(list, event, timed);
            }
        } finally {
            context.exit();
        }
    }

    private DispatchContext context() {
        DispatchContext context = recent;
        if (context.thread != Thread.currentThread()) {
            context = contexts.get();
            recent = context;
        }
        return context;
    }

    /** The handlers below MONITOR, untimed: the loop every post runs, as lean as a hand-written one. */
    private void run(HandlerList list, Event event) {
        Handler[] handlers = list.handlers;
        int end = list.monitorStart;
        int cancellation = list.cancellation;
        for (int i = 0; i < end; i++) {
            Handler handler = handlers[i];
            boolean cancelled = cancelled(event, cancellation);
            if ((cancelled || list.stale) && skips(handler, cancelled)) {
                continue;
            }
            try {
                handler.target.handle(event);
            } catch (Throwable failure) {
                failed(handler, event, failure);
            }
        }
    }

    /** Whether a handler is skipped, closed or skipping a cancelled event; counts the skip. */
    private static boolean skips(Handler handler, boolean cancelled) {
        if (handler.closed || cancelled && handler.skipsCancelled) {
            handler.skipped++;
            return true;
        }
        return false;
    }

    /** The handlers below MONITOR, each timed: one clock read per handler, chained. */
    private void runTimed(HandlerList list, Event event) {
        Handler[] handlers = list.handlers;
        int end = list.monitorStart;
        int cancellation = list.cancellation;
        long mark = System.nanoTime();
        for (int i = 0; i < end; i++) {
            Handler handler = handlers[i];
            if (handler.closed || handler.skipsCancelled && cancelled(event, cancellation)) {
                handler.skipped++;
                continue;
            }
            Throwable failure = null;
            try {
                handler.target.handle(event);
            } catch (Throwable t) {
                failure = t;
            }
            long now = System.nanoTime();
            handler.timed(now - mark);
            mark = now;
            if (failure != null) {
                failed(handler, event, failure);
                mark = System.nanoTime();
            }
        }
    }

    /**
     * The MONITOR handlers: a {@link MutableEvent} is read-only while they run (its setters throw); the
     * cancellation of any other {@link Cancellable} is checked after each of them and put back if changed.
     */
    private void runMonitors(HandlerList list, Event event, boolean timed) {
        MutableEvent mutable = list.mutable ? (MutableEvent) event : null;
        Cancellable guarded = list.cancellation == HandlerList.CANCELLABLE ? (Cancellable) event : null;
        boolean wasReadOnly = mutable != null && mutable.isReadOnly();
        if (mutable != null) {
            mutable.readOnly(true);
        }
        try {
            Handler[] handlers = list.handlers;
            for (int i = list.monitorStart; i < handlers.length; i++) {
                Handler handler = handlers[i];
                if (handler.closed) {
                    handler.skipped++;
                    continue;
                }
                boolean cancelled = guarded != null && guarded.isCancelled();
                long start = timed ? System.nanoTime() : 0;
                Throwable failure = null;
                try {
                    handler.target.handle(event);
                } catch (Throwable t) {
                    failure = t;
                }
                if (timed) {
                    handler.timed(System.nanoTime() - start);
                }
                if (failure != null) {
                    failed(handler, event, failure);
                }
                if (guarded != null && guarded.isCancelled() != cancelled) {
                    restore(handler, event, guarded, cancelled, mutable);
                }
            }
        } finally {
            if (mutable != null) {
                mutable.readOnly(wasReadOnly);
            }
        }
    }

    private void restore(Handler handler, Event event, Cancellable guarded, boolean cancelled,
            @Nullable MutableEvent mutable) {
        if (mutable != null) {
            mutable.readOnly(false);
        }
        RuntimeException refused = null;
        try {
            guarded.setCancelled(cancelled);
        } catch (RuntimeException e) {
            refused = e;
        } finally {
            if (mutable != null) {
                mutable.readOnly(true);
            }
        }
        handler.errors++;
        failures.monitorChangedCancellation(handler, event, cancelled, refused);
    }

    private static boolean cancelled(Event event, int cancellation) {
        return switch (cancellation) {
            case HandlerList.CANCELLABLE_EVENT -> ((CancellableEvent) event).isCancelled();
            case HandlerList.CANCELLABLE -> ((Cancellable) event).isCancelled();
            default -> false;
        };
    }

    private void failed(Handler handler, Event event, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        handler.errors++;
        failures.handlerFailed(handler, event, failure);
    }
}

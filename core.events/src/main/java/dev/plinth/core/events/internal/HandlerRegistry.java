package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.EventName;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.NamedEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;

/**
 * Every subscription, and the baked handler lists the dispatcher reads.
 *
 * <p>Changes (subscribe, unsubscribe, an owner leaving, a new timing sample) happen under one lock and mark every
 * baked list stale; the next post of an event class or name bakes its list again, under the same lock, and
 * publishes it through a volatile field. Posting itself takes no lock: it reads the current list of a
 * {@link Slot}, found through a {@code ClassValue} for typed events and a concurrent map for named ones.
 *
 * <p>A list for class {@code C} holds the handlers subscribed to {@code C} and those subscribed to the name of
 * {@code C}: the name its {@link EventName} declares, read once when its slot is made (when {@code C} is first
 * subscribed to, posted or asked about), else learned from the first posted instance (event names are constant per
 * class). A declared name is checked against the instance each time a list is baked; a class whose declared name
 * is malformed or differs is refused, at subscription and at post. A list for a name holds the handlers of that
 * name and those subscribed to {@link NamedEvent} itself.
 *
 * <p>Thread-safe.
 */
final class HandlerRegistry {

    private final Object lock = new Object();
    /** The classes that have a slot in {@code types}, held weakly: the slots are dropped when the bus goes away. */
    private final Set<Class<?>> typed = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final ClassValue<Slot> types = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            typed.add(type);
            return Slot.forType(type);
        }
    };
    /** Slots of the names someone subscribed to. */
    private final Map<String, Slot> names = new ConcurrentHashMap<>();
    /** The slot of every other name: only {@link NamedEvent} subscribers. */
    /** The name under which {@link #posts()} counts the named events nobody subscribes to. */
    static final String OTHER_NAMES = "other";
    private final Slot otherNames = Slot.forName(null);
    /** Every slot posted through since it was created; guarded by {@code lock}. */
    private final Set<Slot> posted = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The post counts of name slots that were dropped (their last handler went away); guarded by {@code lock}. */
    private final Map<String, Long> droppedPosts = new HashMap<>();

    // Guarded by lock.
    private final Map<Class<?>, List<Handler>> byClass = new HashMap<>();
    private final Map<String, List<Handler>> byName = new HashMap<>();
    private final List<Slot> baked = new ArrayList<>();
    private int sampleMask;
    private long nextOwner;
    private long nextSequence;

    HandlerRegistry(int sampleMask) {
        this.sampleMask = sampleMask;
    }

    /** The slot of a typed event class: allocation-free after the first call for the class. */
    Slot typeSlot(Class<?> type) {
        return types.get(type);
    }

    /** The slot of an event name. */
    Slot nameSlot(String name) {
        Slot slot = names.get(name);
        return slot != null ? slot : otherNames;
    }

    /**
     * Bakes the stale list of a slot; {@code sample} is the event being posted (it tells a class its name, or
     * confirms the declared one).
     *
     * @throws EventException when the sample's class is refused: its {@code @EventName} is malformed or differs from
     *     the sample's name
     */
    HandlerList bake(Slot slot, Event sample) {
        String actual = slot.named() ? null : sample.name();
        synchronized (lock) {
            if (actual != null) {
                String declared = slot.declared;
                if (declared != null && !declared.equals(actual)) {
                    slot.refusal = EventTypes.nameMismatch(declared, actual);
                }
                String refusal = slot.refusal;
                if (refusal != null) {
                    throw new EventException("cannot post " + slot.type.getName() + ": " + refusal);
                }
                if (slot.name == null) {
                    slot.name = actual;
                }
            }
            HandlerList list = slot.list;
            if (list == null) {
                list = new HandlerList(collect(slot), slot.type, sampleMask);
                slot.list = list;
                baked.add(slot);
                posted.add(slot);
            }
            return list;
        }
    }

    /**
     * The handlers of a baked list that one bundle subscribed, as a list of their own for one dispatch; its
     * dispatches are folded into their handlers by {@link #retire}.
     */
    HandlerList only(HandlerList list, Bundle bundle, Class<?> eventType) {
        Handler[] owned = Arrays.stream(list.handlers).filter(h -> owns(h.owner, bundle)).toArray(Handler[]::new);
        var only = new HandlerList(owned, eventType, list.sampleMask);
        only.stale = true; // a handler may be closed while it runs: the loop checks
        return only;
    }

    private static boolean owns(Owner owner, Bundle bundle) {
        Bundle own = owner.bundle();
        return own != null && own.getBundleId() == bundle.getBundleId();
    }

    /** Folds the dispatches of a list made by {@link #only} into its handlers' call counts. */
    void retire(HandlerList list) {
        synchronized (lock) {
            list.retire();
        }
    }

    private Handler[] collect(Slot slot) {
        var handlers = new ArrayList<Handler>();
        String name = slot.name;
        if (slot.named()) {
            if (name != null) {
                handlers.addAll(byName.getOrDefault(name, List.of()));
            }
            handlers.addAll(byClass.getOrDefault(NamedEvent.class, List.of()));
        } else {
            handlers.addAll(byClass.getOrDefault(slot.type, List.of()));
            if (name != null) {
                handlers.addAll(byName.getOrDefault(name, List.of()));
            }
        }
        handlers.sort(Handler.ORDER);
        return handlers.toArray(Handler[]::new);
    }

    /** Marks every baked list stale, folding its dispatch count into its handlers. Holds the lock. */
    private void invalidate() {
        for (Slot slot : baked) {
            HandlerList list = slot.list;
            if (list != null) {
                list.retire();
                slot.list = null;
            }
        }
        baked.clear();
    }

    /**
     * Drops every handler and the slots this registry attached to event classes, which would otherwise keep this
     * bundle's classes alive after it was refreshed.
     */
    void close() {
        synchronized (lock) {
            byClass.clear();
            byName.clear();
            names.clear();
            invalidate();
            List<Class<?>> classes;
            synchronized (typed) {
                classes = List.copyOf(typed);
                typed.clear();
            }
            classes.forEach(types::remove);
        }
    }

    /** A new owner, last in the load order. */
    Owner join(String label, @Nullable Bundle bundle) {
        synchronized (lock) {
            return new Owner(label, nextOwner++, bundle);
        }
    }

    /** Removes every handler of an owner; it can subscribe no more. */
    void leave(Owner owner) {
        synchronized (lock) {
            owner.active = false;
            remove(List.copyOf(owner.handlers));
        }
    }

    /** Subscribes handlers together: they take effect from the next post. */
    List<Handler> add(Owner owner, List<Registration> registrations) {
        synchronized (lock) {
            if (!owner.active) {
                throw new EventException("the event bus of '" + owner.label() + "' was released: its bundle stopped");
            }
            for (Registration r : registrations) {
                if (r.key() instanceof Class<?> type && type != NamedEvent.class) {
                    String refusal = types.get(type).refusal;
                    if (refusal != null) {
                        throw new EventException("cannot subscribe to " + type.getName() + ": " + refusal);
                    }
                }
            }
            var added = new ArrayList<Handler>(registrations.size());
            for (Registration r : registrations) {
                var handler = new Handler(owner, r.key(), r.handler(), r.priority(), r.receiveCancelled(), r.location(),
                        nextSequence++);
                switch (r.key()) {
                    case Class<?> type -> byClass.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
                    case String name -> {
                        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(handler);
                        names.computeIfAbsent(name, Slot::forName);
                    }
                    default -> throw new AssertionError(r.key());
                }
                owner.handlers.add(handler);
                added.add(handler);
            }
            invalidate();
            return added;
        }
    }

    /** Unsubscribes handlers; those already removed are ignored. */
    void remove(Collection<Handler> handlers) {
        synchronized (lock) {
            for (Handler handler : handlers) {
                if (handler.closed) {
                    continue;
                }
                handler.closed = true;
                handler.owner.handlers.remove(handler);
                switch (handler.key) {
                    case Class<?> type -> removeFrom(byClass, type, handler);
                    case String name -> {
                        if (removeFrom(byName, name, handler)) {
                            Slot dropped = names.remove(name);
                            if (dropped != null && posted.remove(dropped)) {
                                droppedPosts.merge(name, dropped.posts, Long::sum);
                            }
                        }
                    }
                    default -> throw new AssertionError(handler.key);
                }
            }
            invalidate();
        }
    }

    /** Removes a handler from its list; {@code true} when the list became empty and was dropped. */
    private static <K> boolean removeFrom(Map<K, List<Handler>> map, K key, Handler handler) {
        List<Handler> list = map.get(key);
        if (list != null && list.remove(handler) && list.isEmpty()) {
            map.remove(key);
            return true;
        }
        return false;
    }

    /**
     * Whether a post of this class would reach a handler: exact for a class with an {@link EventName}, else
     * conservative until its first post tells its name.
     */
    boolean hasHandlers(Class<?> type) {
        if (type == NamedEvent.class) {
            synchronized (lock) {
                return !byName.isEmpty() || byClass.containsKey(NamedEvent.class);
            }
        }
        Slot slot = types.get(type);
        HandlerList list = slot.list;
        if (list != null) {
            return list.handlers.length != 0;
        }
        synchronized (lock) {
            String name = slot.name;
            return byClass.containsKey(type) || (name == null ? !byName.isEmpty() : byName.containsKey(name));
        }
    }

    /** Whether a handler listens to this name, by name, as a {@link NamedEvent} or as a class of that name. */
    boolean hasHandlers(String name) {
        synchronized (lock) {
            return byName.containsKey(name) || byClass.containsKey(NamedEvent.class)
                    || byClass.keySet().stream().anyMatch(type -> name.equals(types.get(type).name));
        }
    }

    /** Changes how often a dispatch is timed; the lists are baked again with it. */
    void sampleMask(int mask) {
        synchronized (lock) {
            sampleMask = mask;
            invalidate();
        }
    }

    /** One dispatch in this many is timed. */
    int timingRate() {
        synchronized (lock) {
            return sampleMask + 1;
        }
    }

    /** Every active handler's statistics, slowest total first. */
    List<HandlerStats> statistics() {
        synchronized (lock) {
            var live = liveDispatches();
            var stats = new ArrayList<HandlerStats>();
            for (Handler h : allHandlers()) {
                long calls = calls(h, live) - h.callsAtReset;
                long sampled = h.sampledCalls;
                // Only sampled calls are timed: the total is their mean times every call.
                long total = sampled == 0 ? 0 : (long) ((double) h.sampledNanos * calls / sampled);
                stats.add(new HandlerStats(h.owner.label(), eventName(h.key), h.location, h.priority, calls,
                        h.errors, total, h.maxNanos));
            }
            stats.sort(Comparator.comparingLong(HandlerStats::totalNanos).reversed()
                    .thenComparing(HandlerStats::owner)
                    .thenComparing(HandlerStats::event)
                    .thenComparing(HandlerStats::location));
            return stats;
        }
    }

    /**
     * How many events of each name were posted since the bus started, whether anyone handled them or not; named
     * events nobody subscribes to are counted together under {@value #OTHER_NAMES}.
     */
    Map<String, Long> posts() {
        synchronized (lock) {
            var posts = new TreeMap<>(droppedPosts);
            for (Slot slot : posted) {
                String name = slot == otherNames ? OTHER_NAMES : slot.name != null ? slot.name : slot.type.getName();
                posts.merge(name, slot.posts, Long::sum);
            }
            return posts;
        }
    }

    /** Starts every handler's statistics over. */
    void resetStatistics() {
        synchronized (lock) {
            var live = liveDispatches();
            for (Handler h : allHandlers()) {
                h.callsAtReset = calls(h, live);
                h.errors = 0;
                h.sampledCalls = 0;
                h.sampledNanos = 0;
                h.maxNanos = 0;
            }
        }
    }

    /** How many handlers the list of this event holds now. */
    int handlerCount(Event event) {
        Slot slot = event instanceof NamedEvent named ? nameSlot(named.name()) : typeSlot(event.getClass());
        HandlerList list = slot.list;
        return (list != null ? list : bake(slot, event)).handlers.length;
    }

    private List<Handler> allHandlers() {
        var all = new ArrayList<Handler>();
        byClass.values().forEach(all::addAll);
        byName.values().forEach(all::addAll);
        return all;
    }

    private Map<Handler, Long> liveDispatches() {
        var live = new IdentityHashMap<Handler, Long>();
        for (Slot slot : baked) {
            HandlerList list = slot.list;
            if (list != null) {
                for (Handler h : list.handlers) {
                    live.merge(h, list.dispatches, Long::sum);
                }
            }
        }
        return live;
    }

    private static long calls(Handler h, Map<Handler, Long> live) {
        return h.retiredDispatches + live.getOrDefault(h, 0L) - h.skipped;
    }

    private String eventName(Object key) {
        return switch (key) {
            case String name -> name;
            case Class<?> type when type == NamedEvent.class -> "*";
            case Class<?> type -> {
                String name = types.get(type).name;
                yield name != null ? name : type.getName();
            }
            default -> throw new AssertionError(key);
        };
    }
}

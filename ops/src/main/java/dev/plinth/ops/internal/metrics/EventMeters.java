package dev.plinth.ops.internal.metrics;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event bus as metrics: {@code plinth_events_posted_total{event}} (events posted per name, handled or not),
 * {@code plinth_handler_seconds_total{resource,language}} (time spent in each resource's event handlers, sampled as
 * {@code event:stats} samples it) and {@code plinth_handler_errors_total{resource,language}}.
 *
 * <p>New event names and resources appear over time: {@link #refresh()}, called before each scrape, registers the
 * series that are new; a series keeps its last value once its resource is gone (counters never go backwards).
 * Thread-safe: scrapes may overlap.
 */
final class EventMeters {

    private final MeterRegistry registry;
    private final EventBus bus;
    private final ResourceService resources;
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final Set<String> owners = ConcurrentHashMap.newKeySet();
    private volatile Map<String, long[]> byOwner = Map.of();

    EventMeters(MeterRegistry registry, EventBus bus, ResourceService resources) {
        this.registry = registry;
        this.bus = bus;
        this.resources = resources;
    }

    /** Takes a snapshot of the bus and registers the series that are new. */
    synchronized void refresh() {
        Map<String, Long> posts = bus.posts();
        for (String event : posts.keySet()) {
            if (events.add(event)) {
                FunctionCounter.builder("plinth.events.posted", bus, b -> b.posts().getOrDefault(event, 0L))
                        .description("Events posted, per event name (named events nobody handles count as 'other')")
                        .tag("event", event)
                        .register(registry);
            }
        }
        // Handlers that went away leave the statistics; their resource keeps its last totals.
        Map<String, long[]> kept = new HashMap<>(byOwner);
        kept.putAll(totals(bus.statistics()));
        byOwner = kept;
        Map<String, String> languages = new HashMap<>();
        for (ResourceInfo info : resources.list()) {
            languages.put(info.name(), info.system() ? "system" : info.language().id());
        }
        for (String owner : byOwner.keySet()) {
            if (owners.add(owner)) {
                String language = languages.getOrDefault(owner, "system");
                FunctionCounter.builder("plinth.handler", this, m -> m.total(owner, 0) / 1e9)
                        .description("Time spent in each resource's event handlers, in seconds (sampled, scaled)")
                        .baseUnit("seconds")
                        .tags("resource", owner, "language", language)
                        .register(registry);
                FunctionCounter.builder("plinth.handler.errors", this, m -> m.total(owner, 1))
                        .description("Event handler calls that threw, per resource")
                        .tags("resource", owner, "language", language)
                        .register(registry);
            }
        }
    }

    private long total(String owner, int index) {
        long[] totals = byOwner.get(owner);
        return totals == null ? 0 : totals[index];
    }

    private static Map<String, long[]> totals(List<HandlerStats> stats) {
        Map<String, long[]> totals = new HashMap<>();
        for (HandlerStats s : stats) {
            long[] t = totals.computeIfAbsent(s.owner(), o -> new long[2]);
            t[0] += s.totalNanos();
            t[1] += s.errors();
        }
        return totals;
    }
}

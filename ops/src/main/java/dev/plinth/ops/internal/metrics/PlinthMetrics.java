package dev.plinth.ops.internal.metrics;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickObserver;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The server's metrics: one Micrometer Prometheus registry with the resource lifecycle ({@link ResourceMeters}), the
 * game loop ({@link TickMeters}, a {@link TickObserver} on the game thread), the event bus ({@link EventMeters}) and
 * the JVM's (memory, GC, threads, classes, CPU, uptime). {@link #scrape()} gives the Prometheus text format.
 *
 * <p>Thread-safe: scrapes may come from several HTTP threads at once.
 */
@Component(service = {PlinthMetrics.class, TickObserver.class})
public final class PlinthMetrics implements TickObserver {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EventMeters events;
    private final TickMeters ticks;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /**
     * Registers every meter.
     *
     * @param resources the lifecycle counters
     * @param game the game loop
     * @param bus the event bus (this bundle's view; statistics cover every owner)
     * @param server the game server, for the players online
     */
    @Activate
    public PlinthMetrics(@Reference ResourceService resources, @Reference GameThread game, @Reference EventBus bus,
            @Reference Server server) {
        ResourceMeters.bind(registry, resources);
        this.ticks = new TickMeters(registry, game, () -> server.onlinePlayers().size());
        this.events = new EventMeters(registry, bus, resources);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Deactivate
    void close() {
        gc.close();
        registry.close();
    }

    @Override
    public void tickEnded(long tick, long durationNanos) {
        ticks.tickEnded(tick, durationNanos);
    }

    /**
     * Every metric now, in the Prometheus text exposition format (version 0.0.4).
     *
     * @return the text
     */
    public String scrape() {
        events.refresh();
        return registry.scrape();
    }
}

package dev.plinth.ops.internal.metrics;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickObserver;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.ops.metrics.MetricSource;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The server's metrics: one Micrometer Prometheus registry with the resource lifecycle ({@link ResourceMeters}), the
 * game loop ({@link TickMeters}, a {@link TickObserver} on the game thread), the event bus ({@link EventMeters}), the
 * script resources' accounts ({@link AccountMeters}), other bundles' {@link MetricSource} services ({@link
 * SourceMeters}) and the JVM's (memory, GC, threads, classes, CPU, uptime). {@link #scrape()} gives the Prometheus text format.
 *
 * <p>Thread-safe: scrapes may come from several HTTP threads at once.
 */
@Component(service = {PlinthMetrics.class, TickObserver.class})
public final class PlinthMetrics implements TickObserver {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EventMeters events;
    private final AccountMeters accounts;
    private final SourceMeters sources = new SourceMeters(registry);
    private final Logger logger;
    private final TickMeters ticks;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /**
     * Registers every meter.
     *
     * @param resources the lifecycle counters
     * @param game the game loop
     * @param bus the event bus (this bundle's view; statistics cover every owner)
     * @param server the game server, for the players online
     * @param accounts the script resources' accounts
     * @param logger where a failing metric source is reported
     */
    @Activate
    public PlinthMetrics(@Reference ResourceService resources, @Reference GameThread game, @Reference EventBus bus,
            @Reference Server server, @Reference Accounts accounts,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
        ResourceMeters.bind(registry, resources);
        this.ticks = new TickMeters(registry, game, () -> server.onlinePlayers().size());
        this.events = new EventMeters(registry, bus, resources);
        this.accounts = new AccountMeters(registry, accounts);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Another bundle's metrics join the scrape.
     *
     * @param source its metric source
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricSource source) {
        sources.add(source);
    }

    void removeSource(MetricSource source) {
        sources.remove(source);
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
        accounts.refresh();
        for (String failure : sources.refresh()) {
            logger.warn("a metric source failed, its series keep their last values: {}", failure);
        }
        return registry.scrape();
    }
}

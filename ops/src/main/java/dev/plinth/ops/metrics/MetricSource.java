package dev.plinth.ops.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's own metrics on {@code /metrics}, registered as an OSGi service (whiteboard): at each scrape the metrics
 * bundle asks every source for its current values. The client downloads report their transfers this way:
 *
 * <pre>{@code
 * @Component(service = MetricSource.class)
 * public final class TransferMetrics implements MetricSource {
 *     public void report(MetricSink sink) {
 *         sink.counter("plinth_client_transfer_bytes_total", "Bytes sent to clients", bytes.sum(), Map.of());
 *         sink.gauge("plinth_client_sessions_open", "Client sessions open", sessions.size(), Map.of());
 *     }
 * }
 * }</pre>
 *
 * A series keeps its last reported value until its source is unregistered (its bundle stops), then it is removed.
 *
 * <p>Called on the scraping HTTP thread, possibly concurrently with other scrapes: report quickly from values kept
 * ready (counters, sizes), never block or touch game state.
 */
@ConsumerType
@FunctionalInterface
public interface MetricSource {

    /**
     * Reports the current values.
     *
     * @param sink where each value goes
     */
    void report(MetricSink sink);
}

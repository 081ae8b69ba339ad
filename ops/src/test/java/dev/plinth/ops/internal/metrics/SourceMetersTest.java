package dev.plinth.ops.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.ops.metrics.MetricSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.Test;

class SourceMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SourceMeters sources = new SourceMeters(registry);

    @Test
    void aSourcesCountersAndGaugesAreScrapedWithTheirLatestValuesAndGoAwayWithIt() {
        var bytes = new AtomicLong(100);
        MetricSource transfers = sink -> {
            sink.counter("plinth_client_transfer_bytes_total", "Bytes sent to clients", bytes.get(),
                    Map.of("resource", "welcome"));
            sink.gauge("plinth_client_sessions", "Client sessions open", 3, Map.of());
        };
        sources.add(transfers);
        assertEquals(List.of(), sources.refresh());
        bytes.set(250);
        sources.refresh();

        var families = parse(registry.scrape());
        MetricFamily sent = families.get("plinth_client_transfer_bytes_total");
        assertEquals(MetricType.COUNTER, sent.getType());
        assertEquals("welcome", sent.getMetrics().getFirst().getLabels().get("resource"));
        assertEquals(250.0, ((Counter) sent.getMetrics().getFirst()).getValue());
        assertEquals(3.0, ((Gauge) families.get("plinth_client_sessions").getMetrics().getFirst()).getValue());

        sources.remove(transfers);
        assertFalse(parse(registry.scrape()).containsKey("plinth_client_sessions"));
    }

    @Test
    void malformedNamesAndChangedShapesAreRefusedWithTheName() {
        sources.add(sink -> sink.counter("plinth_things", "no _total", 1, Map.of()));
        sources.add(sink -> sink.gauge("Plinth-Bad", "bad name", 1, Map.of()));
        sources.add(sink -> sink.gauge("plinth_open", "open", 1, Map.of("Bad Label", "x")));
        sources.add(sink -> {
            sink.gauge("plinth_twice", "first", 1, Map.of("a", "1"));
            sink.gauge("plinth_twice", "again", 1, Map.of("b", "1"));
        });
        List<String> failures = sources.refresh();
        assertEquals(4, failures.size(), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.contains("a counter's name ends in _total: plinth_things")));
        assertTrue(failures.stream().anyMatch(f -> f.contains("Plinth-Bad")));
        assertTrue(failures.stream().anyMatch(f -> f.contains("Bad Label")));
        assertTrue(failures.stream().anyMatch(f -> f.contains("plinth_twice is a gauge [a], not a gauge [b]")));
    }

    private static Map<String, MetricFamily> parse(String text) {
        var walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), walker)
                .walk();
        var families = new java.util.TreeMap<String, MetricFamily>();
        walker.getAllMetricFamilies().forEach(f -> families.put(f.getName(), f));
        return families;
    }
}

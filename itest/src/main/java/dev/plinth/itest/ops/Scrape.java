package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;

/**
 * One scrape of {@code /metrics}, parsed by a Prometheus text-format parser (Hawkular's), never by regular
 * expressions.
 *
 * @param families the metric families, by name
 */
record Scrape(Map<String, MetricFamily> families) {

    static Scrape parse(String text) {
        var walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), walker)
                .walk();
        var families = new java.util.TreeMap<String, MetricFamily>();
        for (MetricFamily family : walker.getAllMetricFamilies()) {
            families.put(family.getName(), family);
        }
        return new Scrape(families);
    }

    /** The family of a name, of the given type. */
    MetricFamily family(String name, MetricType type) {
        MetricFamily family = families.get(name);
        assertNotNull(family, name + " is exposed; the families are " + families.keySet());
        assertEquals(type, family.getType(), name + "'s type");
        return family;
    }

    /** The sample of a family whose labels include these, if any. */
    Optional<Metric> sample(String name, Map<String, String> labels) {
        MetricFamily family = families.get(name);
        List<Metric> metrics = family == null ? List.of() : family.getMetrics();
        return metrics.stream().filter(m -> m.getLabels().entrySet().containsAll(labels.entrySet())).findFirst();
    }

    /** The value of a counter or gauge sample; 0 when the series does not exist (yet). */
    double value(String name, Map<String, String> labels) {
        return sample(name, labels).map(m -> switch (m) {
            case Counter c -> c.getValue();
            case Gauge g -> g.getValue();
            default -> throw new AssertionError(name + " is a counter or a gauge");
        }).orElse(0.0);
    }
}

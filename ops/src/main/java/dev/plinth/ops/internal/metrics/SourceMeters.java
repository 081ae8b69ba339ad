package dev.plinth.ops.internal.metrics;

import dev.plinth.ops.metrics.MetricSink;
import dev.plinth.ops.metrics.MetricSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The series of the {@link MetricSource} services: each report's values are kept per series and read by a Micrometer
 * meter registered at the series' first report; a source's meters are removed when it goes away.
 *
 * <p>Thread-safe: sources come and go on the framework's threads, scrapes run on HTTP threads.
 */
final class SourceMeters {

    private static final Pattern NAME = Pattern.compile("plinth_[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

    private final MeterRegistry registry;
    private final Map<MetricSource, List<Meter>> meters = new ConcurrentHashMap<>();
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final Map<String, String> shapes = new ConcurrentHashMap<>();

    SourceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void add(MetricSource source) {
        meters.put(source, new ArrayList<>());
    }

    void remove(MetricSource source) {
        List<Meter> gone = meters.remove(source);
        if (gone != null) {
            synchronized (this) {
                gone.forEach(registry::remove);
                series.values().removeIf(s -> s.source == source);
            }
        }
    }

    /** Asks every source for its values; a source that throws keeps its last values and is named in the result. */
    List<String> refresh() {
        List<String> failures = new ArrayList<>();
        for (MetricSource source : meters.keySet()) {
            try {
                source.report(new Sink(source));
            } catch (RuntimeException e) {
                failures.add(source.getClass().getName() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    private final class Sink implements MetricSink {
        private final MetricSource source;

        Sink(MetricSource source) {
            this.source = source;
        }

        @Override
        public void counter(String name, String help, double value, Map<String, String> labels) {
            if (!name.endsWith("_total")) {
                throw new IllegalArgumentException("a counter's name ends in _total: " + name);
            }
            record(source, "counter", name, help, value, labels);
        }

        @Override
        public void gauge(String name, String help, double value, Map<String, String> labels) {
            record(source, "gauge", name, help, value, labels);
        }
    }

    private synchronized void record(MetricSource source, String type, String name, String help, double value,
            Map<String, String> labels) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a metric name is plinth_ and lower-case words joined by _: " + name);
        }
        for (String label : labels.keySet()) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("a label name is lower-case words joined by _: " + label);
            }
        }
        String shape = type + " " + new TreeMap<>(labels).keySet();
        String known = shapes.putIfAbsent(name, shape);
        if (known != null && !known.equals(shape)) {
            throw new IllegalArgumentException(name + " is a " + known + ", not a " + shape);
        }
        String key = name + new TreeMap<>(labels);
        Series existing = series.get(key);
        if (existing != null) {
            existing.value.set(value);
            return;
        }
        List<Meter> owned = meters.get(source);
        if (owned == null) {
            return; // the source went away while it reported
        }
        var created = new Series(source, new AtomicReference<>(value));
        series.put(key, created);
        List<Tag> tags = labels.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue())).toList();
        // Micrometer names use dots; the Prometheus registry writes them back with underscores (and _total).
        String dotted = (type.equals("counter") ? name.substring(0, name.length() - "_total".length()) : name)
                .replace('_', '.');
        owned.add(type.equals("counter")
                ? FunctionCounter.builder(dotted, created, s -> s.value.get()).description(help).tags(tags)
                        .register(registry)
                : Gauge.builder(dotted, created, s -> s.value.get()).description(help).tags(tags).register(registry));
    }

    private record Series(MetricSource source, AtomicReference<Double> value) {}
}

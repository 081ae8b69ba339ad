package dev.plinth.ops.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Takes the values a {@link MetricSource} reports. Names follow Prometheus: {@code plinth_} then lower-case words
 * joined by {@code _}; a counter's name ends in {@code _total}. One name is one type with one help text and one
 * set of label names. A name or label that breaks these rules is refused with an {@link IllegalArgumentException}
 * naming it.
 *
 * <p>Valid only during the {@link MetricSource#report} call that received it.
 */
@ProviderType
public interface MetricSink {

    /**
     * A value that only grows while the server runs (a restart starts it over).
     *
     * @param name the metric, {@code plinth_..._total}
     * @param help what it counts, one sentence
     * @param value the count so far
     * @param labels the series' labels (may be empty)
     * @throws IllegalArgumentException for a malformed name or label, or a name used with another type or labels
     */
    void counter(String name, String help, double value, Map<String, String> labels);

    /**
     * A value that goes up and down.
     *
     * @param name the metric, {@code plinth_...}
     * @param help what it measures, one sentence
     * @param value its value now
     * @param labels the series' labels (may be empty)
     * @throws IllegalArgumentException for a malformed name or label, or a name used with another type or labels
     */
    void gauge(String name, String help, double value, Map<String, String> labels);
}

package dev.plinth.transfer.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.client.Clients;
import dev.plinth.core.runtime.client.ConnectedClient;
import dev.plinth.core.runtime.client.EmitResult;
import dev.plinth.ops.metrics.MetricSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transfer metrics reach {@code /metrics}: no series clashes with another's Prometheus family. */
class TransferMetricsTest {

    /** No client connected: the metrics read only the counters. */
    private static final Clients NONE = new Clients() {
        @Override
        public List<ConnectedClient> connected() {
            return List.of();
        }

        @Override
        public Optional<ConnectedClient> client(String player) {
            return Optional.empty();
        }

        @Override
        public EmitResult emit(String player, String name, Map<String, ?> payload) {
            throw new UnsupportedOperationException("no client is connected");
        }
    };

    @Test
    void noGaugeTakesTheFamilyNameOfACounter() {
        var counters = new TransferCounters();
        counters.sessions.add(2);
        var counterFamilies = new ArrayList<String>();
        var gauges = new ArrayList<String>();
        new TransferMetrics(counters, NONE).report(new MetricSink() {
            @Override
            public void counter(String name, String help, double value, Map<String, String> labels) {
                // a counter's family is its name without _total: plinth_client_sessions_total is plinth_client_sessions
                counterFamilies.add(name.substring(0, name.length() - "_total".length()));
            }

            @Override
            public void gauge(String name, String help, double value, Map<String, String> labels) {
                gauges.add(name);
            }
        });
        assertTrue(counterFamilies.contains("plinth_client_sessions"), counterFamilies::toString);
        assertTrue(gauges.contains("plinth_client_sessions_open"), gauges::toString);
        assertEquals(List.of(), gauges.stream().filter(counterFamilies::contains).toList(),
                "gauges named like a counter's family: the scrape refuses the whole source");
    }
}

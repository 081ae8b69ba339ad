package dev.plinth.transfer.internal.metrics;

import dev.plinth.core.runtime.client.Clients;
import dev.plinth.core.runtime.client.ConnectedClient;
import dev.plinth.ops.metrics.MetricSink;
import dev.plinth.ops.metrics.MetricSource;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The client transfers on {@code /metrics}: bytes and files sent, files resumed, sessions opened and connected,
 * clients still transferring, events each way, requests refused.
 *
 * <p>Called on the scraping thread; reads counters only.
 */
@Component(service = MetricSource.class)
public final class TransferMetrics implements MetricSource {

    private final TransferCounters counters;
    private final Clients clients;

    /**
     * Creates the source.
     *
     * @param counters what the endpoints counted
     * @param clients the connected clients
     */
    @Activate
    public TransferMetrics(@Reference TransferCounters counters, @Reference Clients clients) {
        this.counters = counters;
        this.clients = clients;
    }

    @Override
    public void report(MetricSink sink) {
        sink.counter("plinth_client_transfer_bytes_total", "Bytes of resource files sent to clients",
                counters.bytes.sum(), Map.of());
        sink.counter("plinth_client_transfer_files_total", "Resource files sent to clients, whole or in part",
                counters.files.sum(), Map.of());
        sink.counter("plinth_client_transfer_resumed_total", "Resource files sent from an offset (resumed transfers)",
                counters.resumed.sum(), Map.of());
        sink.counter("plinth_client_sessions_total", "Client sessions opened", counters.sessions.sum(), Map.of());
        sink.counter("plinth_client_events_received_total", "Script events received from clients and posted",
                counters.eventsIn.sum(), Map.of());
        sink.counter("plinth_client_events_sent_total", "Script events sent to clients", counters.eventsOut.sum(),
                Map.of());
        sink.counter("plinth_client_not_found_total", "Client requests answered 404", counters.notFound.sum(),
                Map.of());
        List<ConnectedClient> connected = clients.connected();
        // not plinth_client_sessions: Prometheus names the sessions counter that, without its _total
        sink.gauge("plinth_client_sessions_open", "Client sessions open", connected.size(), Map.of());
        sink.gauge("plinth_client_transferring", "Clients still downloading resources",
                connected.stream().filter(c -> c.state().equals("transferring")).count(), Map.of());
    }
}

package dev.plinth.client.internal;

import dev.plinth.client.ClientOptions;
import dev.plinth.client.PlinthClient;
import dev.plinth.client.PlinthClients;
import dev.plinth.client.internal.session.Connection;
import dev.plinth.client.internal.transfer.ServerApi;
import dev.plinth.core.events.EventBuses;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.script.ScriptEngine;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogLevel;

/**
 * The {@link PlinthClients} service: one HTTP client ({@link ServerApi#httpClient}) for every connection, each
 * connection with a detached bus of its own, its scripts on the {@link ScriptEngine}s the language hosts register,
 * their lines on the connection's output (escaped and rate-limited by the sandbox's script log). Connections still
 * open when the service goes are closed.
 *
 * <p>Thread-safe.
 */
@Component(service = PlinthClients.class)
public final class ClientService implements PlinthClients {

    private final EventBuses buses;
    private final HostSupport support;
    private final SandboxSettings sandbox;
    private final List<ScriptEngine> engines = new CopyOnWriteArrayList<>();
    private final List<Connection> open = new CopyOnWriteArrayList<>();
    /**
     * The HTTP client every connection shares, made by the first connection: making one sets up TLS (the JDK's
     * default SSL context) and a selector thread, which a server that never connects anywhere does not need at boot.
     */
    private @Nullable HttpClient http;
    private boolean closed;

    /**
     * Creates the service.
     *
     * @param buses for each client's own bus
     * @param support the sandbox's host support, for the scripts' logs
     * @param sandbox the sandbox settings, for the scripts' log rate
     */
    @Activate
    public ClientService(@Reference EventBuses buses, @Reference HostSupport support,
            @Reference SandboxSettings sandbox) {
        this.buses = buses;
        this.support = support;
        this.sandbox = sandbox;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(ScriptEngine engine) {
        engines.add(engine);
    }

    void removeEngine(ScriptEngine engine) {
        engines.remove(engine);
    }

    @Deactivate
    void close() {
        open.forEach(Connection::close);
        HttpClient made;
        synchronized (this) {
            closed = true;
            made = http;
        }
        if (made != null) {
            made.shutdownNow();
        }
    }

    /** {@return the shared HTTP client, made now by the first connection} */
    private synchronized HttpClient http() {
        if (closed) {
            throw new IllegalStateException("the client service is closed");
        }
        HttpClient made = http;
        if (made == null) {
            made = ServerApi.httpClient();
            http = made;
        }
        return made;
    }

    @Override
    public PlinthClient connect(ClientOptions options) {
        Function<String, Optional<ScriptEngine>> engine = file -> engines.stream().filter(e -> e.runs(file)).findFirst();
        Function<String, ScriptLog> logs = resource -> support.log(options.name() + "/" + resource,
                sandbox.defaults().logLinesPerSecond(), (level, line) -> options.output().accept("[" + resource + "] "
                        + (level == LogLevel.INFO ? "" : level + ": ") + line));
        var connection = new Connection(options, http(), buses.detached(), engine, logs);
        open.add(connection);
        try {
            return connection.start();
        } catch (RuntimeException e) {
            open.remove(connection);
            throw e;
        }
    }
}

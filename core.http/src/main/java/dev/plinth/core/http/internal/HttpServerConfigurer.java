package dev.plinth.core.http.internal;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ServerConfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The one place that decides where the HTTP server listens: reads {@code http} of {@code conf/server.json} when it
 * activates (when the framework starts, or this bundle is restarted) and hands Felix HTTP its configuration (PID
 * {@value #PID}) through Configuration Admin. Felix HTTP waits for that configuration before it opens a port (the
 * framework property {@code org.apache.felix.http.require.config=true}, and its own defaults have HTTP off:
 * {@code org.apache.felix.http.enable=false}), so it never listens anywhere else, not even for a moment.
 *
 * <p>The file is read again every {@value #POLL_MILLIS} ms: when {@code http} changed, Felix HTTP gets the new
 * configuration and moves (it stops Jetty and starts it where the file says; the endpoints stay registered, open
 * connections are closed). A malformed {@code http} key is reported once with the file, and the server stays where it
 * is (at activation: the defaults apply, the loopback address).
 *
 * <p>Threads: activated by Declarative Services; the file is read again on the thread {@code plinth-http-config},
 * which stops when the component deactivates.
 */
@Component(immediate = true, service = {})
public final class HttpServerConfigurer {

    /** The configuration PID of Felix HTTP. */
    static final String PID = "org.apache.felix.http";

    /** How often {@code conf/server.json} is read again. */
    static final long POLL_MILLIS = 1000;

    private final ServerConfigFile file;
    private final ConfigurationAdmin admin;
    private final Logger logger;
    private final ScheduledExecutorService poll;
    private HttpSettings applied = HttpSettings.DEFAULTS;
    private @Nullable String lastProblem;

    /**
     * Reads the settings, configures Felix HTTP and starts reading the file again every second.
     *
     * @param file {@code conf/server.json}
     * @param admin Configuration Admin
     * @param logger where the bind address and problems are reported
     * @throws IOException when Configuration Admin cannot store the configuration
     */
    @Activate
    public HttpServerConfigurer(@Reference ServerConfigFile file, @Reference ConfigurationAdmin admin,
            @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.logger = Objects.requireNonNull(logger, "logger");
        HttpSettings settings = read();
        if (settings != null) {
            applied = settings;
        }
        apply(applied);
        if (applied.enabled()) {
            logger.info("HTTP server on {} (http.port and http.host of conf/server.json)", applied.url());
        } else {
            logger.info("HTTP server off (http.port is 0 in conf/server.json)");
        }
        poll = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("plinth-http-config").daemon().factory());
        poll.scheduleWithFixedDelay(this::check, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops reading the file; Felix HTTP keeps its configuration. */
    @Deactivate
    public void deactivate() {
        poll.shutdownNow();
    }

    /** Reads the file again and moves the server when {@code http} changed. On {@code plinth-http-config}. */
    private void check() {
        HttpSettings settings = read();
        if (settings == null) {
            return;
        }
        if (settings.equals(applied)) {
            return;
        }
        try {
            apply(settings);
        } catch (IOException | IllegalStateException e) {
            logger.error("the HTTP server could not move to {}: {}", settings.url(), e.getMessage());
            return;
        }
        if (settings.enabled()) {
            logger.info("HTTP server moves from {} to {} (conf/server.json changed)",
                    applied.enabled() ? applied.url() : "off", settings.url());
        } else {
            logger.info("HTTP server off (http.port is now 0 in conf/server.json)");
        }
        applied = settings;
    }

    /**
     * Reads {@code http}; a problem is logged once (until the file changes again) and gives {@code null}.
     *
     * @return the settings (the defaults when the file or the key is missing), or {@code null} when malformed
     */
    private @Nullable HttpSettings read() {
        try {
            HttpSettings settings = file.read("http", HttpSettings.class).orElse(HttpSettings.DEFAULTS);
            lastProblem = null;
            return settings;
        } catch (ConfigException | IllegalArgumentException | UncheckedIOException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastProblem)) {
                logger.error("{}; the HTTP server {}", problem,
                        applied.enabled() ? "stays on " + applied.url() : "stays off");
            }
            lastProblem = problem;
            return null;
        }
    }

    private void apply(HttpSettings settings) throws IOException {
        admin.getConfiguration(PID, "?").updateIfDifferent(properties(settings));
    }

    /** The Felix HTTP properties for these settings. */
    static Dictionary<String, Object> properties(HttpSettings settings) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("org.apache.felix.http.enable", settings.enabled());
        properties.put("org.osgi.service.http.port", settings.port());
        properties.put("org.apache.felix.http.host", settings.host());
        properties.put("org.apache.felix.https.enable", false);
        properties.put("org.apache.felix.http.jetty.sendServerHeader", false);
        return properties;
    }
}

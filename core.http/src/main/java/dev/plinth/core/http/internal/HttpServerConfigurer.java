package dev.plinth.core.http.internal;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ServerConfigFile;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The one place that decides where the HTTP server listens: reads {@code http} of {@code conf/server.json} when it
 * activates (when the framework starts, or this bundle is restarted) and hands Felix HTTP its configuration (PID
 * {@value #PID}) through Configuration Admin. Felix HTTP waits for that configuration before it opens a port (the
 * framework property {@code org.apache.felix.http.require.config=true}, and its own defaults have HTTP off:
 * {@code org.apache.felix.http.enable=false}), so it never listens anywhere else, not even for a moment. A
 * malformed {@code http} key is reported with the file and the defaults apply (the loopback address).
 *
 * <p>Runs on the Declarative Services thread that activates it.
 */
@Component(immediate = true, service = {})
public final class HttpServerConfigurer {

    /** The configuration PID of Felix HTTP. */
    static final String PID = "org.apache.felix.http";

    /**
     * Reads the settings and configures Felix HTTP.
     *
     * @param file {@code conf/server.json}
     * @param admin Configuration Admin
     * @param logger where the bind address and problems are reported
     * @throws IOException when Configuration Admin cannot store the configuration
     */
    @Activate
    public HttpServerConfigurer(@Reference ServerConfigFile file, @Reference ConfigurationAdmin admin,
            @Reference(service = LoggerFactory.class) Logger logger) throws IOException {
        HttpSettings settings = read(file, logger);
        Configuration configuration = admin.getConfiguration(PID, "?");
        configuration.updateIfDifferent(properties(settings));
        if (settings.enabled()) {
            logger.info("HTTP server on {} (http.port and http.host of conf/server.json)", settings.url());
        } else {
            logger.info("HTTP server off (http.port is 0 in conf/server.json)");
        }
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

    private static HttpSettings read(ServerConfigFile file, Logger logger) {
        try {
            return file.read("http", HttpSettings.class).orElse(HttpSettings.DEFAULTS);
        } catch (ConfigException | IllegalArgumentException e) {
            logger.error("{}; the HTTP server uses its defaults ({})", e.getMessage(), HttpSettings.DEFAULTS.url());
            return HttpSettings.DEFAULTS;
        }
    }
}

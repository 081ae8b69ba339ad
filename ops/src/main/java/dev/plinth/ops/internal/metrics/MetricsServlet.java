package dev.plinth.ops.internal.metrics;

import dev.plinth.core.http.PlinthHttp;
import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ServerConfigFile;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /metrics} on the server's HTTP port: the Prometheus text format. When {@code metrics.token} of
 * {@code conf/server.json} is set (read at each request, so a changed token applies at once), a scrape without
 * {@code Authorization: Bearer TOKEN} gets 401; a malformed {@code metrics} key refuses every scrape (503) rather
 * than open the endpoint.
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/metrics")
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class MetricsServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PlinthMetrics metrics;
    private final transient ServerConfigFile config;
    private final transient Logger logger;

    /**
     * Creates the endpoint.
     *
     * @param metrics the registry
     * @param config {@code conf/server.json}, for the token
     * @param logger where a malformed {@code metrics} key is reported
     */
    @Activate
    public MetricsServlet(@Reference PlinthMetrics metrics, @Reference ServerConfigFile config,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.metrics = metrics;
        this.config = config;
        this.logger = logger;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token;
        try {
            token = config.read("metrics", MetricsSettings.class).orElse(MetricsSettings.DEFAULTS).requiredToken();
        } catch (ConfigException e) {
            logger.error("{}; /metrics refuses every scrape until it is fixed", e.getMessage());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "conf/server.json: malformed metrics key");
            return;
        }
        if (token.isPresent() && !authorized(request.getHeader("Authorization"), token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"plinth metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a bearer token is required (metrics.token)");
            return;
        }
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Compares in constant time, so the token cannot be guessed from response times. */
    static boolean authorized(String header, String token) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }
}

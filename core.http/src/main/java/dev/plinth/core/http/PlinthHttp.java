package dev.plinth.core.http;

/**
 * How a bundle serves an endpoint on the server's HTTP port (Felix HTTP on Jetty 12, bound by core.http as
 * {@code http.port} and {@code http.host} of {@code conf/server.json} say: port 30120 on the loopback address by
 * default, {@code 0} for no HTTP at all).
 *
 * <p>An endpoint is a Jakarta Servlet registered as an OSGi service through the servlet whiteboard (OSGi Servlet
 * Whiteboard 2.0, package {@code org.osgi.service.servlet.whiteboard}) that selects this context; with Declarative
 * Services:
 *
 * <pre>{@code
 * @Component(service = Servlet.class)
 * @HttpWhiteboardServletPattern("/metrics")
 * @HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
 * public final class MetricsServlet extends HttpServlet { ... }
 * }</pre>
 *
 * The registration belongs to the registering bundle: when it stops, its endpoints go away. Filters, listeners and
 * WebSocket endpoints join the same way. Bundles never open ports of their own and never configure Felix HTTP: the
 * bind rules live in one place, core.http.
 *
 * <p>Constants only.
 */
public final class PlinthHttp {

    /** The name of the servlet context every Plinth endpoint joins; its path is {@code /}. */
    public static final String CONTEXT_NAME = "plinth";

    /** The filter that selects the Plinth context, for {@code osgi.http.whiteboard.context.select}. */
    public static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    /** The port when {@code conf/server.json} names none. */
    public static final int DEFAULT_PORT = 30120;

    /** The address when {@code conf/server.json} names none: the loopback address only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private PlinthHttp() {}
}

package dev.plinth.transfer.internal.socket;

import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.transfer.internal.http.SessionServlet;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.ClientSession;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /plinth/socket}: the WebSocket of the session whose bearer token the upgrade request carries, one per
 * session, upgraded with Jetty's WebSocket core on the request Felix HTTP hands the servlet. A request without a live
 * session, for a session that has its socket already, or that is no WebSocket upgrade, is a 404.
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.SOCKET)
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class SocketServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private transient WebSocketComponents components;
    private transient WebSocketMappings mappings;

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param counters the transfer counters
     */
    @Activate
    public SocketServlet(@Reference Sessions sessions, @Reference TransferCounters counters) {
        super(sessions, counters);
    }

    @Override
    public void init() throws ServletException {
        components = new WebSocketComponents();
        try {
            components.start();
        } catch (Exception e) {
            throw new ServletException("Jetty's WebSocket components did not start", e);
        }
        mappings = new WebSocketMappings(components);
    }

    @Override
    public void destroy() {
        try {
            components.stop();
        } catch (Exception e) {
            // the sockets are going away with the servlet anyway
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<ClientSession> session = session(request);
        ServletContextRequest base = ServletContextRequest.getServletContextRequest(request);
        if (session.isEmpty() || session.get().hasSocket() || base == null) {
            notFound(response);
            return;
        }
        ClientSession client = session.get();
        WebSocketNegotiator negotiator = WebSocketNegotiator.from((upgrade, upgraded, callback) -> {
            callback.succeeded();
            return new SessionSocket(client, sessions(), counters());
        }, (socket, upgrade, upgraded) -> (SessionSocket) socket, configuration -> {
            configuration.setMaxTextMessageSize(client.settings().maxEventBytes() + 1024L);
            configuration.setMaxBinaryMessageSize(1024);
            configuration.setIdleTimeout(IDLE);
        });
        try (Blocker.Callback callback = Blocker.callback()) {
            if (mappings.upgrade(negotiator, base, base.getServletContextResponse(), callback, null)) {
                callback.block();
                return;
            }
        }
        if (!response.isCommitted()) {
            notFound(response);
        }
    }
}

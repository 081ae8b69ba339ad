package dev.plinth.transfer.internal.http;

import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.ClientSession;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /plinth/leave}: ends the session of the bearer token (204); its player leaves the world, its token dies.
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.LEAVE)
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class LeaveServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param counters the transfer counters
     */
    @Activate
    public LeaveServlet(@Reference Sessions sessions, @Reference TransferCounters counters) {
        super(sessions, counters);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ClientSession> session = session(request);
        if (session.isEmpty()) {
            notFound(response);
            return;
        }
        sessions().end(session.get(), 1000, "left");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}

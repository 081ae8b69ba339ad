package dev.plinth.transfer.internal.http;

import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.ClientSession;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.Optional;

/**
 * An endpoint for sessions only: a request without {@code Authorization: Bearer TOKEN} of a live session is a 404,
 * like every request for something that is not there (nothing tells a prober whether a token or a path was wrong).
 *
 * <p>Called on Jetty's threads, concurrently.
 */
public abstract class SessionServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";

    private final transient Sessions sessions;
    private final transient TransferCounters counters;

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param counters the transfer counters
     */
    protected SessionServlet(Sessions sessions, TransferCounters counters) {
        this.sessions = sessions;
        this.counters = counters;
    }

    /** {@return the sessions} */
    protected final Sessions sessions() {
        return sessions;
    }

    /** {@return the counters} */
    protected final TransferCounters counters() {
        return counters;
    }

    /**
     * The live session a request names.
     *
     * @param request the request
     * @return its session, empty without a valid bearer token
     */
    protected final Optional<ClientSession> session(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            return Optional.empty();
        }
        return sessions.session(header.substring(BEARER.length()).strip());
    }

    /**
     * Answers 404 with no body (no error page repeating the request).
     *
     * @param response the response
     * @throws IOException when the client went away
     */
    protected final void notFound(HttpServletResponse response) throws IOException {
        counters.notFound.increment();
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentLength(0);
    }
}

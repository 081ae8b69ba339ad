package dev.plinth.transfer.internal.staminal;

import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.core.runtime.client.UriRequest;
import dev.plinth.core.runtime.client.UriResponse;
import dev.plinth.core.sandbox.files.FileBoundary;
import dev.plinth.core.sandbox.files.FileBoundaryException;
import dev.plinth.transfer.internal.http.SessionServlet;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.ClientSession;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /stam/ROUTE...}: Staminal's {@code RequestUri} event over HTTP. The handlers of the longest matching route
 * run in priority order with {@code req.path} ({@code /mods-manager/hud/download/client}) until one sets a status; a
 * status of 200 with a file sends the file, which must stay inside the instance home by its real path; any other
 * status is answered as it is; no handler answering, no session, or a file outside the home, is a 404.
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.STAMINAL + "/*")
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class StaminalServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient StaminalRoutes routes;
    private final transient Optional<Path> home;
    private final transient Logger log;

    /**
     * Creates the endpoint.
     *
     * @param context this bundle's context, for the instance home
     * @param sessions the sessions
     * @param counters the transfer counters
     * @param routes the handlers
     * @param loggers the log
     */
    @Activate
    public StaminalServlet(BundleContext context, @Reference Sessions sessions, @Reference TransferCounters counters,
            @Reference StaminalRoutes routes, @Reference LoggerFactory loggers) {
        super(sessions, counters);
        this.routes = routes;
        this.home = Optional.ofNullable(context.getProperty("plinth.home")).map(Path::of);
        this.log = loggers.getLogger(StaminalServlet.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ClientSession> session = session(request);
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        if (session.isEmpty() || home.isEmpty()) {
            notFound(response);
            return;
        }
        var uri = new UriRequest("stam://" + request.getHeader("Host") + path, path, session.get().player());
        var answer = new UriResponse();
        for (StaminalRoutes.Route route : routes.handlers(path)) {
            try {
                route.handler().handle(uri, answer);
            } catch (RuntimeException e) {
                log.error("the RequestUri handler of {} failed on {}: {}", route.route(), path, e.toString());
            }
            if (answer.status() != 0) {
                break;
            }
        }
        if (answer.status() == 0 || answer.status() == HttpServletResponse.SC_NOT_FOUND) {
            notFound(response);
            return;
        }
        if (answer.status() != HttpServletResponse.SC_OK || answer.filepath() == null) {
            response.sendError(answer.status());
            return;
        }
        Path file;
        try {
            file = new FileBoundary("home", home.get()).resolve(answer.filepath());
        } catch (FileBoundaryException e) {
            log.warn("a RequestUri handler of {} named {}, outside the home: refused", path, answer.filepath());
            notFound(response);
            return;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            notFound(response);
            return;
        }
        response.setContentType(file.getFileName().toString().endsWith(".zip") ? "application/zip"
                : "application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
        counters().files.increment();
        counters().bytes.add(Files.size(file));
    }
}

package dev.plinth.transfer.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.protocol.JoinRequest;
import dev.plinth.client.protocol.JoinResponse;
import dev.plinth.client.protocol.LoginSuccess;
import dev.plinth.client.protocol.ModInfo;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.core.resource.payload.ClientPayload;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.ModPackage;
import dev.plinth.core.resource.payload.ModPackages;
import dev.plinth.core.resource.descriptor.Side;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.transfer.internal.session.ClientSession;
import dev.plinth.transfer.internal.session.JoinRefusedException;
import dev.plinth.transfer.internal.session.Sessions;
import dev.plinth.transfer.internal.staminal.StaminalRoutes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /plinth/join}: a {@link JoinRequest} in, a {@link JoinResponse} out: the player joins the world, a
 * session opens, and the client gets Staminal's {@code LoginSuccess} listing every started resource that sends clients
 * something, each with its download URL (a Staminal {@code RequestUri} route for mods when a mod serves one, else its
 * payload listing). A malformed request is a 400, a name connected already a 409, a join the world refused a 403,
 * each with {@code {"error": "..."}}.
 *
 * <p>Called on Jetty's threads, concurrently; the join waits for the game thread.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.JOIN)
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class JoinServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 4096;
    private static final String GAME = "Minecraft Bedrock";

    private final transient Sessions sessions;
    private final transient ClientPayloads payloads;
    private final transient Server server;
    private final transient StaminalRoutes routes;
    private final transient ModPackages packages;
    private final transient ObjectMapper json = Protocol.mapper();

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param payloads the client payloads
     * @param server the server, for its name and game version
     * @param routes Staminal's routes, for the mods' download URLs
     * @param packages the mod packages, for their hashes and sizes
     */
    @Activate
    public JoinServlet(@Reference Sessions sessions, @Reference ClientPayloads payloads, @Reference Server server,
            @Reference StaminalRoutes routes, @Reference ModPackages packages) {
        this.sessions = sessions;
        this.payloads = payloads;
        this.server = server;
        this.routes = routes;
        this.packages = packages;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JoinRequest join;
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                error(response, 400, "a join request holds at most " + MAX_BODY + " bytes");
                return;
            }
            join = json.readValue(bytes, JoinRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            error(response, 400, "a join is {\"name\": \"alice\", \"client_version\": \"" + Protocol.VERSION + "\"}");
            return;
        }
        ClientSession session;
        try {
            session = sessions.open(join.name(), request.getRemoteAddr() + ":" + request.getRemotePort());
        } catch (JoinRefusedException e) {
            error(response, e.status(), e.getMessage());
            return;
        }
        String base = request.getScheme() + "://" + request.getHeader("Host");
        var mods = new ArrayList<ModInfo>();
        for (ClientPayload payload : payloads.payloads()) {
            mods.add(modInfo(base, payload));
        }
        var answer = new JoinResponse(
                new LoginSuccess(server.name(), GAME, server.gameVersion().toString(), List.copyOf(mods)),
                new JoinResponse.Session(session.token(), session.player(), Protocol.SOCKET, Protocol.VERSION));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), answer);
    }

    private ModInfo modInfo(String base, ClientPayload payload) {
        String listing = base + Protocol.RESOURCES + payload.resource();
        if (payload.mod().isEmpty()) {
            return new ModInfo(payload.resource(), "resource", listing, "", 0, payload.size(), payload.type().id(),
                    payload.version().toString(), listing, payload.hash());
        }
        var archive = packages.find(payload.resource(), Side.CLIENT);
        String download = routes.modDownloadRoute()
                .map(route -> base + Protocol.STAMINAL + route + payload.resource() + "/download/client")
                .orElse(listing);
        return new ModInfo(payload.resource(), payload.mod().get().modType(), download,
                archive.map(ModPackage::sha512).orElse(""), archive.map(ModPackage::bytes).orElse(0L), payload.size(),
                payload.type().id(), payload.version().toString(), listing, payload.hash());
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
        ErrorAnswer.write(json, response, status, message);
    }
}

package dev.plinth.transfer.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
import dev.plinth.core.resource.payload.ClientMod;
import dev.plinth.core.resource.payload.ClientPayload;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.PayloadException;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.Sessions;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /plinth/resources/NAME}: the {@link PayloadListing} of a started resource that sends clients something,
 * for a live session; anything else (a stopped resource, a server-only one, an unknown name, no session) is a 404.
 * A listing's JSON is written once and sent again for as long as the listing stays equal (every joining client asks
 * for every listing).
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Protocol.RESOURCES + "*")
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class ListingServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final transient ClientPayloads payloads;
    private final transient ObjectMapper json = Protocol.mapper();
    private final transient ConcurrentMap<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * A resource's listing and its JSON.
     *
     * @param listing the listing
     * @param json its JSON
     */
    private record Rendered(PayloadListing listing, byte[] json) {}

    /**
     * Creates the endpoint.
     *
     * @param sessions the sessions
     * @param counters the transfer counters
     * @param payloads the client payloads
     */
    @Activate
    public ListingServlet(@Reference Sessions sessions, @Reference TransferCounters counters,
            @Reference ClientPayloads payloads) {
        super(sessions, counters);
        this.payloads = payloads;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = Optional.ofNullable(request.getPathInfo()).map(p -> p.substring(1)).orElse("");
        if (session(request).isEmpty() || !NAME.matcher(name).matches()) {
            notFound(response);
            return;
        }
        Optional<ClientPayload> payload;
        try {
            payload = payloads.payload(name);
        } catch (PayloadException e) {
            payload = Optional.empty();
        }
        if (payload.isEmpty()) {
            rendered.remove(name);
            notFound(response);
            return;
        }
        PayloadListing listing = listing(payload.get());
        Rendered known = rendered.get(name);
        if (known == null || !known.listing().equals(listing)) {
            known = new Rendered(listing, json.writeValueAsBytes(listing));
            rendered.put(name, known);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(known.json().length);
        response.getOutputStream().write(known.json());
    }

    /**
     * A payload as the protocol lists it.
     *
     * @param payload the payload
     * @return its listing
     */
    static PayloadListing listing(ClientPayload payload) {
        var files = payload.files().stream().map(f -> new PayloadListing.Entry(f.path(), f.size(), f.sha256(),
                f.cache(), f.kind().name().toLowerCase(Locale.ROOT))).toList();
        PayloadListing.Mod mod = payload.mod().map(ListingServlet::mod).orElse(null);
        return new PayloadListing(payload.resource(), payload.type().id(), payload.version().toString(),
                payload.author(), payload.description(), payload.dependencies(), payload.hash(), files,
                payload.scripts(), mod);
    }

    private static PayloadListing.Mod mod(ClientMod mod) {
        return new PayloadListing.Mod(mod.manifest(), mod.displayName(), mod.modType(), mod.priority(),
                mod.entry().orElse(null), mod.requires());
    }
}

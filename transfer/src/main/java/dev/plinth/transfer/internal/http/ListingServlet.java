package dev.plinth.transfer.internal.http;

import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.PayloadListings;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.http.PlinthHttp;
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
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The payload listings, for a live session (without one, everything here is a 404):
 *
 * <ul>
 *   <li>{@code GET /plinth/resources/NAME}: the {@link PayloadListing} of a started resource that sends clients
 *       something; anything else (a stopped resource, a server-only one, an unknown name) is a 404;</li>
 *   <li>{@code GET /plinth/listings}: the {@link PayloadListings} of every such resource, each as the first gives it
 *       (a resource whose payload cannot be read, a file it declares gone, is left out and logged, as in the join's
 *       list): what a joining client asks for, one request instead of one per resource.</li>
 * </ul>
 * Their JSON is written once and sent again for as long as what it renders stays equal ({@link ListingJson}).
 *
 * <p>Called on Jetty's threads, concurrently.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({Protocol.RESOURCES + "*", Protocol.LISTINGS})
@HttpWhiteboardContextSelect(PlinthHttp.CONTEXT_SELECT)
public final class ListingServlet extends SessionServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** The key of every listing's JSON; a resource's own is under its name, which is never empty. */
    private static final String ALL = "";

    private final transient ClientPayloads payloads;
    private final transient ListingJson rendered = new ListingJson();

    /**
     * Creates the endpoints.
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
        if (session(request).isEmpty()) {
            notFound(response);
            return;
        }
        if (Protocol.LISTINGS.equals(request.getServletPath())) {
            var listings = new PayloadListings(payloads.payloads().stream().map(ListingJson::listing).toList());
            ListingJson.send(response, rendered.render(ALL, listings));
            return;
        }
        String name = Optional.ofNullable(request.getPathInfo()).map(p -> p.substring(1)).orElse("");
        if (!NAME.matcher(name).matches()) {
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
            rendered.forget(name);
            notFound(response);
            return;
        }
        ListingJson.send(response, rendered.render(name, ListingJson.listing(payload.get())));
    }
}

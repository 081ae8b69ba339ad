package dev.plinth.transfer.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.core.resource.payload.ClientMod;
import dev.plinth.core.resource.payload.ClientPayload;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Payload listings as the protocol writes them, and their answers: a listing's JSON (or a list of them) is written once
 * and sent again for as long as what it renders stays equal, since every joining client asks for every listing.
 *
 * <p>Thread-safe: the endpoints call it on Jetty's threads, concurrently.
 */
final class ListingJson {

    private final ObjectMapper json = Protocol.mapper();
    private final ConcurrentMap<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * A value and its JSON.
     *
     * @param value what was rendered
     * @param json its JSON
     */
    private record Rendered(Object value, byte[] json) {}

    /**
     * The JSON of a value, written again only when the value kept under this key is not equal to it.
     *
     * @param key what the value is (a resource name, say)
     * @param value the value, a record of the protocol
     * @return its JSON, not to be modified
     * @throws JsonProcessingException when the value cannot be written (a bug)
     */
    byte[] render(String key, Object value) throws JsonProcessingException {
        Rendered known = rendered.get(key);
        if (known == null || !known.value().equals(value)) {
            known = new Rendered(value, json.writeValueAsBytes(value));
            rendered.put(key, known);
        }
        return known.json();
    }

    /**
     * Forgets what was rendered under a key (its resource stopped).
     *
     * @param key the key
     */
    void forget(String key) {
        rendered.remove(key);
    }

    /**
     * Answers 200 with JSON that is never stored by a cache (listings change when their resources do).
     *
     * @param response the response, not committed yet
     * @param body the JSON
     * @throws IOException when the client went away
     */
    static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
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
        PayloadListing.Mod mod = payload.mod().map(ListingJson::mod).orElse(null);
        return new PayloadListing(payload.resource(), payload.type().id(), payload.version().toString(),
                payload.author(), payload.description(), payload.dependencies(), payload.hash(), files,
                payload.scripts(), mod);
    }

    private static PayloadListing.Mod mod(ClientMod mod) {
        return new PayloadListing.Mod(mod.manifest(), mod.displayName(), mod.modType(), mod.priority(),
                mod.entry().orElse(null), mod.requires());
    }
}

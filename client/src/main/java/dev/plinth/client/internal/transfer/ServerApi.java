package dev.plinth.client.internal.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.BatchRequest;
import dev.plinth.client.protocol.JoinRequest;
import dev.plinth.client.protocol.JoinResponse;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.PayloadListings;
import dev.plinth.client.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The server's client endpoints, over the JDK's HTTP client.
 *
 * <p>Thread-safe; every call blocks the calling thread (a virtual thread, usually) until its response.
 */
public final class ServerApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI server;
    private final ObjectMapper json;

    /**
     * Addresses one server.
     *
     * @param http the HTTP client
     * @param server the server's HTTP address
     * @param json the protocol's mapper
     */
    public ServerApi(HttpClient http, URI server, ObjectMapper json) {
        this.http = http;
        this.server = server;
        this.json = json;
    }

    /**
     * The HTTP client the headless client talks to servers with: HTTP/1.1 (each download on a connection of its own,
     * kept open for the next), 10 s to connect, and its work done where it arises: what its selector thread reads is
     * handed to the answer's body on that thread, not to another thread per chunk read (the JDK's default hands each
     * to its executor: a thread started and woken for every 64 KiB a download receives). That holds because nothing
     * the client hands it blocks: the bodies it reads ({@link ReadAheadBody}, byte arrays) only queue what arrives,
     * and the session socket's listener hands each message to the client's own thread.
     *
     * @return a new HTTP client, to close when done
     */
    public static HttpClient httpClient() {
        Executor whereItArises = Runnable::run;
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .executor(whereItArises).build();
    }

    /** {@return the server's address} */
    public URI server() {
        return server;
    }

    /**
     * Joins.
     *
     * @param name the player's name
     * @param version the client's version
     * @return the server's answer
     * @throws ClientException when the server cannot be reached or refuses the join
     */
    public JoinResponse join(String name, String version) {
        HttpResponse<byte[]> response;
        try {
            byte[] body = json.writeValueAsBytes(new JoinRequest(name, version));
            response = send(HttpRequest.newBuilder(server.resolve(Protocol.JOIN)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (JsonProcessingException e) {
            throw new ClientException("cannot write the join request: " + e.getOriginalMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new ClientException(server + " refused " + name + ": " + error(response));
        }
        try {
            return json.readValue(response.body(), JoinResponse.class);
        } catch (IOException e) {
            throw new ClientException(server + " answered the join with something that is not Plinth's protocol: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A resource's payload listing.
     *
     * @param token the session
     * @param resource the resource
     * @return its listing, empty when the server has none for it (stopped, server-only)
     * @throws ClientException when the server cannot be reached or answers nonsense
     */
    public Optional<PayloadListing> listing(String token, String resource) {
        var response = send(authorized(server.resolve(Protocol.RESOURCES + resource), token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ClientException(resource + ": the server answered " + response.statusCode());
        }
        try {
            return Optional.of(json.readValue(response.body(), PayloadListing.class));
        } catch (IOException e) {
            throw new ClientException(resource + ": its listing is not Plinth's protocol: " + e.getMessage(), e);
        }
    }

    /**
     * Every payload listing the server has for clients, in one request ({@code GET /plinth/listings}).
     *
     * @param token the session
     * @return the listings of the resources started now (the join's list may name one that stopped since)
     * @throws ClientException when the server cannot be reached, refuses the session (404) or answers nonsense
     */
    public PayloadListings listings(String token) {
        var response = send(authorized(server.resolve(Protocol.LISTINGS), token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new ClientException(server + " refused the listings: HTTP " + response.statusCode()
                    + (response.statusCode() == 404 ? " (the session ended)" : ""));
        }
        try {
            return json.readValue(response.body(), PayloadListings.class);
        } catch (IOException e) {
            throw new ClientException(server + ": the listings are not Plinth's protocol: " + e.getMessage(), e);
        }
    }

    /**
     * Starts downloading a file by hash, from an offset.
     *
     * @param token the session
     * @param hash the file's hash
     * @param offset the first byte wanted (0 for all)
     * @return the response, its body not read yet (200 whole, 206 from the offset, 404, 416)
     * @throws IOException when the server cannot be reached
     */
    public HttpResponse<InputStream> file(String token, String hash, long offset) throws IOException {
        var request = authorized(server.resolve(Protocol.FILES + hash), token).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-").header("If-Range", "\"" + hash + "\"");
        }
        try {
            return http.send(request.build(), ReadAheadBody.handler());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Starts downloading several files in one answer.
     *
     * @param token the session
     * @param batch the files and their offsets
     * @return the response, its body not read yet (200: the files one after another; 400, 404, 416: refused)
     * @throws IOException when the server cannot be reached
     */
    public HttpResponse<InputStream> batch(String token, BatchRequest batch) throws IOException {
        var request = authorized(server.resolve(Protocol.BATCH), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch)));
        try {
            return http.send(request.build(), ReadAheadBody.handler());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Ends the session.
     *
     * @param token the session
     */
    public void leave(String token) {
        try {
            http.send(authorized(server.resolve(Protocol.LEAVE), token).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the server is gone: so is the session
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The URI of the session's WebSocket.
     *
     * @param path its path, from the join
     * @return {@code ws://} or {@code wss://} on the server's host and port
     */
    public URI socket(String path) {
        String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + server.getRawAuthority() + path);
    }

    private HttpRequest.Builder authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", Protocol.bearer(token));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new ClientException("cannot reach " + server + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while talking to " + server, e);
        }
    }

    private String error(HttpResponse<byte[]> response) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText() + " (" + response.statusCode() + ")";
            }
        } catch (IOException e) {
            // not JSON: the status says it
        }
        return "HTTP " + response.statusCode();
    }
}

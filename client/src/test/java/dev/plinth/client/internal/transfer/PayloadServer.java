package dev.plinth.client.internal.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plinth.client.protocol.BatchRequest;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.PayloadListings;
import dev.plinth.client.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files side of the client protocol on a loopback port, for the client's transfer tests: the listings, files by
 * hash with {@code Range}, and batches, as the server's endpoints answer them, with faults a test turns on (an answer that
 * ends early, bytes that do not match their hash). The real endpoints are tested inside the framework and end to
 * end; this one lets a test break the network where it wants.
 */
final class PayloadServer implements AutoCloseable {

    static final String TOKEN = "token-1";

    private final HttpServer server;
    private final ObjectMapper json = Protocol.mapper();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** The Range headers and batches received, in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** When at least 0: the next answer stops after this many body bytes (the connection breaks). */
    final AtomicLong cutAfter = new AtomicLong(-1);
    /** What {@code GET /plinth/listings} answers a session. */
    volatile PayloadListings listed = new PayloadListings(List.of());
    /** Hashes whose bytes are sent wrong (their last byte flipped), and how many more times. */
    final Map<String, Integer> corrupt = new ConcurrentHashMap<>();

    PayloadServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(Protocol.FILES, this::file);
        server.createContext(Protocol.BATCH, this::batch);
        server.createContext(Protocol.LISTINGS, this::listings);
        server.start();
    }

    /** Serves bytes; {@return their listing entry} */
    PayloadListing.Entry add(String path, byte[] content, boolean cache) {
        String hash = HexFormat.of().formatHex(Partial.newDigest().digest(content));
        files.put(hash, content);
        return new PayloadListing.Entry(path, content.length, hash, cache, "asset");
    }

    ServerApi api() {
        return new ServerApi(ServerApi.httpClient(), // the client's own: its work where it arises
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), json);
    }

    private void listings(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange) || !exchange.getRequestURI().getPath().equals(Protocol.LISTINGS)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = json.writeValueAsBytes(listed);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            String hash = exchange.getRequestURI().getPath().substring(Protocol.FILES.length());
            byte[] content = files.get(hash);
            if (content == null || !authorized(exchange)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add("GET " + hash + (range == null ? "" : " " + range));
            long from = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
            if (from >= content.length) {
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.sendResponseHeaders(range == null ? 200 : 206, content.length - from);
            write(exchange.getResponseBody(), hash, content, from);
        }
    }

    private void batch(HttpExchange exchange) throws IOException {
        try (exchange) {
            BatchRequest batch = json.readValue(exchange.getRequestBody(), BatchRequest.class);
            requests.add("POST " + batch.files().stream().map(w -> w.hash().substring(0, 8) + "@" + w.offset())
                    .toList());
            if (!authorized(exchange) || batch.files().stream().anyMatch(w -> !files.containsKey(w.hash()))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long total = batch.files().stream().mapToLong(w -> files.get(w.hash()).length - w.offset()).sum();
            var body = new ByteArrayOutputStream();
            for (BatchRequest.Wanted wanted : batch.files()) {
                write(body, wanted.hash(), files.get(wanted.hash()), wanted.offset());
            }
            exchange.sendResponseHeaders(200, total);
            OutputStream out = exchange.getResponseBody();
            long cut = cutAfter.getAndSet(-1);
            byte[] bytes = body.toByteArray();
            out.write(bytes, 0, cut >= 0 ? (int) Math.min(cut, bytes.length) : bytes.length);
            out.flush();
        }
    }

    private boolean authorized(HttpExchange exchange) {
        return Protocol.bearer(TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    /** Writes a file from an offset, flipped when it is to be corrupted, cut when a cut is set (file requests). */
    private void write(OutputStream out, String hash, byte[] content, long from) throws IOException {
        byte[] sent = Arrays.copyOfRange(content, (int) from, content.length);
        if (corrupt.getOrDefault(hash, 0) > 0) {
            corrupt.merge(hash, -1, Integer::sum);
            sent[sent.length - 1] ^= 1;
        }
        if (out instanceof ByteArrayOutputStream) {
            out.write(sent);
            return;
        }
        long cut = cutAfter.getAndSet(-1);
        out.write(sent, 0, cut >= 0 ? (int) Math.min(cut, sent.length) : sent.length);
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

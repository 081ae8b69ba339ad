package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.fail;

import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * The test framework's HTTP port: a free port written to {@code http.port} of {@code conf/server.json}, which core.http
 * applies when it reads the file again (it is started first when it is not active), and a client for it.
 */
public final class HttpPort {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    private HttpPort(int port) {
        this.port = port;
    }

    /**
     * Binds the server to a free loopback port, with the rest of {@code conf/server.json} as given.
     *
     * @param home the test home
     * @param extraKeys more top-level keys, {@code "metrics": {...}}, or empty
     * @return the port, once the server answers on it
     */
    public static HttpPort bind(ResourceHome home, String extraKeys) throws IOException, BundleException {
        int port = freePort();
        home.settings("{\"http\": {\"port\": " + port + ", \"host\": \"127.0.0.1\"}"
                + (extraKeys.isEmpty() ? "" : ", " + extraKeys) + "}");
        Bundle http = Arrays.stream(home.context.getBundles())
                .filter(b -> "dev.plinth.core.http".equals(b.getSymbolicName())).findFirst().orElseThrow();
        if (http.getState() != Bundle.ACTIVE) {
            http.start();
        }
        var bound = new HttpPort(port);
        ResourceHome.await(() -> bound.answers() ? java.util.Optional.of(true) : java.util.Optional.empty(),
                "/metrics answers on port " + port);
        return bound;
    }

    /**
     * A client for a port the server is (or will be) bound to, without binding it.
     *
     * @param port the port
     * @return the client
     */
    public static HttpPort at(int port) {
        return new HttpPort(port);
    }

    /** {@return a TCP port nothing listens on now} */
    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@return whether {@code /metrics} answers on this port} */
    boolean answers() {
        try {
            int status = get("/metrics", null).statusCode();
            return status == 200 || status == 401; // 404 while the endpoint is not (yet) in the context
        } catch (IOException e) {
            return false;
        }
    }

    /** {@return the URL of a path} */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A GET, with a bearer token unless {@code null}. */
    public HttpResponse<String> get(String path, String token) throws IOException {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}

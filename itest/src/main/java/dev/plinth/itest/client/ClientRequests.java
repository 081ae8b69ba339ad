package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test's requests to the client endpoints of a {@link ClientHome}, as a client (or an attacker) makes them: the join,
 * the leave, a {@code GET} with or without a session token.
 *
 * <p>Thread-safe, as the JDK's HTTP client.
 */
final class ClientRequests {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    private final ClientHome clients;

    ClientRequests(ClientHome clients) {
        this.clients = clients;
    }

    /** Joins as {@code name}; {@return the join's answer} (it must be a 200) */
    JsonNode join(String name) throws Exception {
        var response = http.send(HttpRequest.newBuilder(clients.http.uri("/plinth/join"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"client_version\": \"0.1.0\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    /** Joins as {@code name}; {@return the session's token} */
    String token(String name) throws Exception {
        return join(name).at("/session/token").asText();
    }

    /**
     * Ends a session; {@return the status: 204, or 404 for a session that is not live}. Sent again once when the
     * connection it went out on was closed under it: the server may close a kept-alive connection after refusing a
     * request whose body it did not read (a 400 for a body too large), and the JDK's client retries no {@code POST}
     * by itself. Ending a session twice is harmless (the second is a 404).
     */
    int leave(String token) throws Exception {
        var request = HttpRequest.newBuilder(clients.http.uri("/plinth/leave"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException closedUnderIt) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /**
     * {@code GET} a path of the port as written.
     *
     * @param path the path
     * @param bearer the session token, or {@code null} for none
     * @param headers more headers, names and values
     * @return the answer
     */
    HttpResponse<String> get(String path, String bearer, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(clients.http.uri("").toString() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

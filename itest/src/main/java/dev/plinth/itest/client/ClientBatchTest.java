package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /plinth/batch} as a client relies on it (the files one after another, each from its offset) and as an
 * attacker sees it: one file that is not the current one of a started resource's payload, or no live session, and
 * nothing is sent at all; offsets past a file's end are a 416; bodies that are not a batch a 400.
 */
class ClientBatchTest {

    private ClientHome clients;
    private ClientRequests requests;
    private String token;

    @BeforeEach
    void deploy() throws Exception {
        clients = new ClientHome("");
        requests = clients.requests;
        clients.deployHud("-- the server's secret", "print('client')");
        token = requests.token("mallory");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            leave(); // a test may have ended it already: then this is a 404
        } finally {
            clients.close(); // whatever happened to the leave: the next test finds no resource, no session
        }
    }

    private int leave() throws Exception {
        return requests.leave(token);
    }

    private String hash(String path) {
        return clients.payloads.payload("ct-hud").orElseThrow().file(path).orElseThrow().sha256();
    }

    private static String wanted(String hash, long offset) {
        return "{\"hash\": \"" + hash + "\", \"offset\": " + offset + "}";
    }

    private HttpResponse<String> batch(String bearer, String body) throws Exception {
        var request = HttpRequest.newBuilder(clients.http.uri("/plinth/batch")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return requests.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendsTheFilesOneAfterAnotherFromTheirOffsets() throws Exception {
        var answer = batch(token, "{\"files\": [" + wanted(hash("textures/logo.txt"), 0) + ", "
                + wanted(hash("config/data.json"), 1) + ", " + wanted(hash("client/main.lua"), 6) + "]}");
        assertEquals(200, answer.statusCode());
        assertEquals("logo" + "\"speed\": 3}" + "'client')", answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("application/octet-stream", answer.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void withoutALiveSessionNothingIsSent() throws Exception {
        String body = "{\"files\": [" + wanted(hash("textures/logo.txt"), 0) + "]}";
        assertEquals(404, batch(null, body).statusCode());
        assertEquals(404, batch("not-a-token", body).statusCode());
        assertEquals(204, leave());
        var ended = batch(token, body);
        assertEquals(404, ended.statusCode(), "the token of a session that ended");
        assertFalse(ended.body().contains("logo"));
    }

    @Test
    void oneFileThatIsNotServedRefusesTheWholeBatch() throws Exception {
        String logo = wanted(hash("textures/logo.txt"), 0);
        for (String other : new String[] {sha256("-- the server's secret"), "0".repeat(64)}) {
            var answer = batch(token, "{\"files\": [" + logo + ", " + wanted(other, 0) + "]}");
            assertEquals(404, answer.statusCode(), other);
            assertEquals("", answer.body(), "not even the first file");
        }
        String current = hash("textures/logo.txt");
        clients.home.service.stop("ct-hud");
        assertEquals(404, batch(token, "{\"files\": [" + wanted(current, 0) + "]}").statusCode(),
                "a stopped resource's file");
    }

    @Test
    void offsetsAtOrPastTheEndAre416() throws Exception {
        for (long offset : new long[] {4, 5, Long.MAX_VALUE}) {
            var answer = batch(token, "{\"files\": [" + wanted(hash("textures/logo.txt"), offset) + "]}");
            assertEquals(416, answer.statusCode(), "offset " + offset);
            assertEquals("", answer.body());
        }
    }

    @Test
    void whatIsNotABatchIs400() throws Exception {
        String logo = hash("textures/logo.txt");
        var many = new StringBuilder("{\"files\": [");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ", ").append(wanted(String.format("%064x", i), 0));
        }
        many.append("]}");
        for (String body : new String[] {"", "[]", "{\"files\": []}", "{\"files\": [" + wanted("../../conf", 0) + "]}",
                "{\"files\": [" + wanted(logo, -1) + "]}",
                "{\"files\": [" + wanted(logo, 0) + ", " + wanted(logo, 1) + "]}", many.toString(),
                "{\"files\": [" + wanted(logo, 0) + "], \"pad\": \"" + "x".repeat(200_000) + "\"}"}) {
            var answer = batch(token, body);
            assertEquals(400, answer.statusCode(), body.length() > 80 ? body.substring(0, 80) : body);
            assertFalse(answer.body().contains("logo"));
            requests.json.readTree(answer.body()).get("error").asText(); // says why, as JSON
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

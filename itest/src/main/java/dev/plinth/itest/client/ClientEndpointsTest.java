package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;

/**
 * The client endpoints as an attacker sees them: only files of started resources' payloads, by their current hash,
 * for a live session; everything else a 404 (never a listing, never a path), a range that cannot be satisfied a 416.
 * And what a well-behaved client relies on: ETag, Cache-Control, Range; every listing in one answer
 * ({@code GET /plinth/listings}), each as {@code GET /plinth/resources/NAME} gives it, none of a server-only or stopped
 * resource, the current hashes after a file changed.
 */
class ClientEndpointsTest {

    /** The symbolic name of the bundle whose installation holds the framework's listener thread. */
    private static final String HOLD = "dev.plinth.itest.hold";

    private ClientHome clients;
    private ClientRequests requests;
    private String token;

    @BeforeEach
    void deploy() throws Exception {
        clients = new ClientHome("");
        requests = clients.requests;
        clients.deployHud("-- the server's secret", "print('client')");
        clients.deployServerOnly();
        token = join("mallory");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            leave(token);
        } finally {
            clients.close(); // whatever happened to the leave: the next test finds no resource, no session
        }
    }

    private int leave(String session) throws Exception {
        return requests.leave(session);
    }

    private String join(String name) throws Exception {
        JsonNode answer = requests.join(name);
        assertEquals("Plinth server", answer.at("/LoginSuccess/server_name").asText());
        assertEquals("resource", answer.at("/LoginSuccess/mods/0/mod_type").asText());
        assertTrue(answer.at("/LoginSuccess/mods/0/download_url").asText().endsWith("/plinth/resources/ct-hud"));
        return answer.at("/session/token").asText();
    }

    private HttpResponse<String> get(String path, String bearer, String... headers) throws Exception {
        return requests.get(path, bearer, headers);
    }

    private String hash(String path) {
        return clients.payloads.payload("ct-hud").orElseThrow().file(path).orElseThrow().sha256();
    }

    @Test
    void aFileIsServedByHashWithItsETagAndCacheFlag() throws Exception {
        var logo = get("/plinth/files/" + hash("textures/logo.txt"), token);
        var config = get("/plinth/files/" + hash("config/data.json"), token);

        assertEquals(200, logo.statusCode());
        assertEquals("logo", logo.body());
        assertEquals("\"" + hash("textures/logo.txt") + "\"", logo.headers().firstValue("ETag").orElseThrow());
        assertEquals("private, max-age=31536000, immutable", logo.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-store", config.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(304, get("/plinth/files/" + hash("textures/logo.txt"), token, "If-None-Match",
                "\"" + hash("textures/logo.txt") + "\"").statusCode());
    }

    @Test
    void aRangeResumesATransfer() throws Exception {
        var tail = get("/plinth/files/" + hash("textures/logo.txt"), token, "Range", "bytes=2-");

        assertEquals(206, tail.statusCode());
        assertEquals("go", tail.body());
        assertEquals("bytes 2-3/4", tail.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void hugeOrUnsatisfiableRangesAre416AndSendNothing() throws Exception {
        String file = "/plinth/files/" + hash("textures/logo.txt");
        for (String range : new String[] {"bytes=4-", "bytes=99999999999999999999999-", "bytes=0-99999999999999999999",
                "bytes=0-0,1-1,2-2,3-3", "bytes=3-1", "bytes=-0", "items=0-1", "bytes=-"}) {
            var response = get(file, token, "Range", range);
            assertEquals(416, response.statusCode(), range);
            assertEquals("bytes */4", response.headers().firstValue("Content-Range").orElseThrow(), range);
            assertFalse(response.body().contains("logo"), range);
        }
        assertEquals("logo", get(file, token, "Range", "bytes=0-9223372036854775806").body(), "a long last byte is the end");
    }

    @Test
    void withoutALiveSessionEverythingIs404() throws Exception {
        String file = "/plinth/files/" + hash("textures/logo.txt");
        String ended = join("eve");
        assertEquals(204, leave(ended));
        assertEquals(404, leave(ended), "a session ends once");

        assertEquals(404, get(file, null).statusCode(), "no token");
        assertEquals(404, get(file, "not-a-token").statusCode(), "a made-up token");
        assertEquals(404, get(file, ended).statusCode(), "the token of a session that ended");
        assertEquals(404, get("/plinth/resources/ct-hud", ended).statusCode());
        assertEquals(404, get("/plinth/socket", ended).statusCode());
        assertEquals(200, get(file, token).statusCode(), "a live session's token");
    }

    @Test
    void onlyCurrentFilesOfStartedResourcesPayloadsAreServed() throws Exception {
        String oldLogo = hash("textures/logo.txt");
        String secret = sha256("-- the server's secret");

        assertEquals(404, get("/plinth/files/" + secret, token).statusCode(), "a server script's content");
        assertEquals(404, get("/plinth/files/" + sha256("-- server only"), token).statusCode());
        assertEquals(404, get("/plinth/resources/ct-server", token).statusCode(), "a server-only resource");
        assertEquals(404, get("/plinth/resources/nothing", token).statusCode());
        assertEquals(404, get("/plinth/files/", token).statusCode(), "no listing");
        assertEquals(404, get("/plinth/resources/", token).statusCode(), "no listing");
        assertEquals(404, get("/plinth/files/" + oldLogo.toUpperCase(), token).statusCode(), "not a hash as written");
        for (String notAHash : new String[] {oldLogo.toUpperCase(), oldLogo + "/", "../ct-hud/textures/logo.txt", ""}) {
            assertTrue(clients.payloads.file(notAHash).isEmpty(), "the payloads find nothing by " + notAHash);
        }

        Files.writeString(clients.home.resources.resolve("ct-hud/textures/logo.txt"), "new logo");
        ResourceHomeWait.until(() -> !hash("textures/logo.txt").equals(oldLogo), "the new content's hash");
        assertEquals(404, get("/plinth/files/" + oldLogo, token).statusCode(), "an old hash");
        assertEquals("new logo", get("/plinth/files/" + hash("textures/logo.txt"), token).body());

        String current = hash("textures/logo.txt");
        clients.home.service.stop("ct-hud");
        assertEquals(404, get("/plinth/files/" + current, token).statusCode(), "a stopped resource's file");
        assertEquals(404, get("/plinth/resources/ct-hud", token).statusCode(), "a stopped resource");
    }

    @Test
    void aStoppedResourceIs404BeforeTheFrameworkHasToldItsListeners() throws Exception {
        // Felix tells bundle listeners on one thread, in order: a listener holding that thread on an earlier event keeps
        // the news of the stop from the payloads' listener, as a busy framework does for a moment after every stop.
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        BundleListener hold = event -> {
            if (event.getType() == BundleEvent.INSTALLED && HOLD.equals(event.getBundle().getSymbolicName())) {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        String logo = hash("textures/logo.txt");
        context.addBundleListener(hold);
        Bundle marker = null;
        try {
            marker = context.installBundle("itest:" + HOLD, manifestOnly(HOLD));
            assertTrue(holding.await(30, TimeUnit.SECONDS), "the listeners' thread is held");
            clients.home.service.stop("ct-hud");

            assertEquals(404, get("/plinth/resources/ct-hud", token).statusCode(), "a stopped resource");
            assertEquals(404, get("/plinth/files/" + logo, token).statusCode(), "a stopped resource's file");
            assertFalse(get("/plinth/listings", token).body().contains("ct-hud"), "no listing of a stopped resource");
        } finally {
            release.countDown();
            context.removeBundleListener(hold);
            if (marker != null) {
                marker.uninstall();
            }
        }
    }

    private static InputStream manifestOnly(String symbolicName) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        var jar = new ByteArrayOutputStream();
        try (var out = new JarOutputStream(jar, manifest)) {
            out.finish();
        }
        return new ByteArrayInputStream(jar.toByteArray());
    }

    /**
     * A link planted in a resource after its files were hashed: the file the link leads to is another file (its size,
     * time or identity differs), so the old hash finds nothing and the linked content is never sent, whether the link
     * replaces the file or a folder on its way.
     */
    @Test
    void aLinkPlantedAfterHashingNeverServesWhatItLeadsTo() throws Exception {
        String logo = hash("textures/logo.txt");
        String data = hash("config/data.json");
        Path outside = Files.createDirectories(clients.home.root.resolve("outside"));
        Files.writeString(outside.resolve("logo.txt"), "s3cr3t-content");
        Path hud = clients.home.resources.resolve("ct-hud");

        Files.delete(hud.resolve("config/data.json"));
        Files.createSymbolicLink(hud.resolve("config/data.json"), outside.resolve("logo.txt"));
        var linkedFile = get("/plinth/files/" + data, token);
        assertEquals(404, linkedFile.statusCode(), "a file replaced by a link");
        assertFalse(linkedFile.body().contains("s3cr3t-content"));

        Files.delete(hud.resolve("textures/logo.txt"));
        Files.delete(hud.resolve("textures"));
        Files.createSymbolicLink(hud.resolve("textures"), outside);
        var linkedFolder = get("/plinth/files/" + logo, token);
        assertEquals(404, linkedFolder.statusCode(), "a folder on the way replaced by a link");
        assertFalse(linkedFolder.body().contains("s3cr3t-content"));
        assertEquals(404, get("/plinth/files/" + sha256("s3cr3t-content"), token).statusCode(),
                "the linked content by its own hash");
    }

    @Test
    void traversalNeverReachesAFile() throws Exception {
        Files.writeString(clients.home.root.resolve("conf/secret.txt"), "s3cr3t-content");
        for (String path : new String[] {"/plinth/files/../../conf/secret.txt",
                "/plinth/resources/../../conf/secret.txt",
                "/stam/../conf/secret.txt", "/plinth/files/" + "a".repeat(64) + "/../../../conf/secret.txt"}) {
            String answer = raw(path);
            assertTrue(answer.startsWith("HTTP/1.1 404"), path + " answered " + answer.lines().findFirst().orElse(""));
            assertFalse(answer.contains("s3cr3t-content"), path);
        }
    }

    /**
     * Encoded separators and dot segments ({@code %2F}, {@code %2e%2e}, {@code %5c}, double-encoded) and empty segments
     * are ambiguous URIs: Jetty's URI
     * compliance refuses them with 400 before any endpoint sees them, and Plinth keeps that guard rather than lower it
     * for every endpoint of the port. Either way nothing is served.
     */
    @Test
    void encodedTraversalIsRefusedBeforeAnyEndpoint() throws Exception {
        Files.writeString(clients.home.root.resolve("conf/secret.txt"), "s3cr3t-content");
        for (String path : new String[] {"/plinth/files/..%2F..%2Fconf%2Fsecret.txt",
                "/plinth/files/%2e%2e/%2e%2e/conf/secret.txt", "/plinth/files/..%5c..%5cconf%5csecret.txt",
                "/plinth/resources/..%2F..%2Fconf", "/plinth/resources/ct-hud%2F..%2F..%2Fconf",
                "/stam/..%2F..%2Fconf/secret.txt", "/plinth/files/%252e%252e%252fconf%252fsecret.txt",
                "/plinth/files/....//....//conf/secret.txt"}) {
            String answer = raw(path);
            String status = answer.lines().findFirst().orElse("");
            assertTrue(status.startsWith("HTTP/1.1 404") || status.startsWith("HTTP/1.1 400"), path + ": " + status);
            assertFalse(answer.contains("s3cr3t-content"), path);
        }
    }

    /** A request as written, bypassing any client-side normalization of the path. */
    private String raw(String path) throws IOException {
        URI base = clients.http.uri("");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode listings() throws Exception {
        var answer = requests.get("/plinth/listings", token);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());
        return requests.json.readTree(answer.body()).get("resources");
    }

    private static List<String> names(JsonNode resources) {
        var names = new ArrayList<String>();
        resources.forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    @Test
    void everyResourceForClientsIsListedOnceAsItsOwnListingSays() throws Exception {
        JsonNode resources = listings();

        assertEquals(List.of("ct-hud"), names(resources), "the server-only resource is not listed");
        var own = requests.get("/plinth/resources/ct-hud", token);
        assertEquals(200, own.statusCode());
        assertEquals(requests.json.readTree(own.body()), resources.get(0));
    }

    @Test
    void withoutALiveSessionItIs404AndNamesNothing() throws Exception {
        String ended = requests.token("eve");
        assertEquals(204, requests.leave(ended));

        for (String bearer : new String[] {null, "not-a-token", ended}) {
            var answer = requests.get("/plinth/listings", bearer);
            assertEquals(404, answer.statusCode(), String.valueOf(bearer));
            assertFalse(answer.body().contains("ct-hud"), String.valueOf(bearer));
        }
        var below = requests.get("/plinth/listings/ct-hud", token);
        assertEquals(404, below.statusCode(), "nothing is served below it");
        // Jetty's page for a path no endpoint serves repeats the path; no listing is in it
        assertFalse(below.body().contains(hash("textures/logo.txt")), below.body());
    }

    @Test
    void aChangedFileIsListedByItsNewHashAndAStoppedResourceNotAtAll() throws Exception {
        String oldLogo = hash("textures/logo.txt");
        String before = listings().toString();

        Files.writeString(clients.home.resources.resolve("ct-hud/textures/logo.txt"), "new logo");
        ResourceHomeWait.until(() -> !hash("textures/logo.txt").equals(oldLogo), "the new content's hash");
        String after = listings().toString();
        assertNotEquals(before, after, "the listings are written again when a listing changed");
        assertFalse(after.contains(oldLogo), "an old hash");
        JsonNode logo = null;
        for (JsonNode file : listings().get(0).get("files")) {
            if (file.get("path").asText().equals("textures/logo.txt")) {
                logo = file;
            }
        }
        assertEquals(hash("textures/logo.txt"), logo == null ? null : logo.get("hash").asText());

        clients.home.service.stop("ct-hud");
        assertEquals(List.of(), names(listings()), "a stopped resource");
    }
}

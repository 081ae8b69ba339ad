package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/plinth-client} against the distribution over loopback: it joins, downloads a resource's client payload
 * into its cache by hash with the MTADM transfer events, runs the client Lua, reports readiness and talks to the
 * server; a second run finds everything but the {@code cache: false} asset in its cache; a resource restarted while
 * the client is connected reaches it as {@code resource:sync} and is loaded again; a client killed mid-file resumes the
 * file where it stopped; the {@code radar} example runs on a client and talks to its server script, and the
 * {@code core} example's alt:V {@code client-main} and the {@code hud-mod} example's JavaScript entry run there too (a
 * bootstrap mod importing the library it requires, with timers, downloading {@code hud-extras}); a
 * JavaScript client script (an ES module importing its own file) uses the client API and talks to its server script.
 */
class ClientIT {

    private static final String META = """
            {"name": "hud", "version": "1.0.0", "author": "e2e",
             "scripts": [
               {"path": "server/main.lua", "type": "server"},
               {"path": "client/main.lua", "type": "client"}],
             "assets": [
               {"path": "textures/big.bin", "type": "asset", "cache": true},
               {"path": "config/data.json", "type": "config", "cache": false}]}
            """;
    private static final String SERVER = """
            AddEventHandler("hud:hello", function(event)
              print("hello from " .. event.source .. " n=" .. event.payload.n)
            end)
            """;
    private static final String CLIENT = """
            print("client hud up, resources: " .. #Resource.GetResources())
            Resource.MarkReady("hud")
            """;
    private static final int BIG = 6 << 20;

    @TempDir
    Path home;

    @TempDir
    Path caches;

    private void deploy() throws IOException {
        Path hud = home.resolve("resources/hud");
        Files.createDirectories(hud.resolve("server"));
        Files.createDirectories(hud.resolve("client"));
        Files.createDirectories(hud.resolve("textures"));
        Files.createDirectories(hud.resolve("config"));
        Files.writeString(hud.resolve("meta.json"), META);
        Files.writeString(hud.resolve("server/main.lua"), SERVER);
        Files.writeString(hud.resolve("client/main.lua"), CLIENT);
        Files.writeString(hud.resolve("config/data.json"), "{\"speed\": 3}");
        var bytes = new byte[BIG];
        new Random(16).nextBytes(bytes);
        Files.write(hud.resolve("textures/big.bin"), bytes);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [\"hud\"]}");
    }

    private static ProcessBuilder client(PlinthInstance server, Path cache, String... more) {
        List<String> command = new ArrayList<>(List.of(server.installDir().resolve("bin/plinth-client").toString(),
                "--server", server.url(), "--name", "alice", "--cache", cache.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Runs a client to its end; {@return what it printed} after asserting it exited with 0. */
    private static String runClient(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(PlinthInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void aClientJoinsDownloadsRunsItsScriptTalksToTheServerAndRejoinsFromItsCache() throws Exception {
        deploy();
        Path cache = caches.resolve("alice");
        var server = PlinthInstance.at(home);
        try (var session = PlinthSession.open(server)) {
            String first = runClient(client(server, cache, "--exec",
                    "resources;ready hud;emit hud:hello {\"n\": 7};events 40"));

            assertTrue(first.contains("joining " + server.url() + " as alice"), first);
            assertTrue(first.contains("transfer: 3 file(s) to download"), first);
            assertTrue(first.contains("transfer complete: 3 file(s)"), first);
            assertTrue(first.contains("[hud] client hud up, resources: 1"), first);
            assertTrue(first.matches("(?s).*\nhud\\s+script\\s+1\\.0\\.0\\s+loaded\\s+yes\\s.*"), first);
            assertTrue(first.contains("hud is ready"), first);
            assertTrue(first.contains("hud:hello sent"), first);
            for (String event : List.of("system:resource_transfer_begin", "system:resource_transfer_cached",
                    "system:resource_transfer_progress", "system:resource_transfer_complete")) {
                assertTrue(first.contains(event + " from client {"), event + ":\n" + first);
            }
            assertTrue(first.contains("\"receivedBytes\":" + (BIG + "{\"speed\": 3}".length() + CLIENT.length())),
                    first);
            assertFalse(first.contains("hello from"), "server scripts never run on a client:\n" + first);
            session.await(o -> o.contains("hello from alice n=7"), "the server script got the client's event");

            byte[] big = Files.readAllBytes(home.resolve("resources/hud/textures/big.bin"));
            assertTrue(Files.isRegularFile(cache.resolve(sha256(big))), "the asset is cached by its hash");
            assertFalse(Files.exists(cache.resolve(sha256("{\"speed\": 3}".getBytes(StandardCharsets.UTF_8)))),
                    "a cache: false asset is kept in memory only");

            String again = runClient(client(server, cache, "--exec", "resources"));
            assertTrue(again.contains("transfer: 1 file(s) to download (12 B), 2 in the cache"), again);
        }
    }

    @Test
    void aRestartReachesAConnectedClientAndAKilledTransferResumes() throws Exception {
        deploy();
        Path cache = caches.resolve("alice");
        var server = PlinthInstance.at(home);
        try (var session = PlinthSession.open(server)) {
            Process slow = client(server, cache, "--max-rate", "1m", "--exec", "resources").start();
            slow.getOutputStream().close();
            String hash = sha256(Files.readAllBytes(home.resolve("resources/hud/textures/big.bin")));
            Path part = cache.resolve(hash + ".part");
            long deadline = System.nanoTime() + PlinthInstance.TIMEOUT.toNanos();
            while ((!Files.exists(part) || Files.size(part) < (1 << 20)) && System.nanoTime() < deadline) {
                Thread.sleep(Duration.ofMillis(50));
            }
            slow.destroyForcibly().waitFor();
            long kept = Files.size(part);
            assertTrue(kept >= 1 << 20 && kept < BIG, "killed mid-file: " + kept + " of " + BIG + " bytes");

            Path log = caches.resolve("resumed.log");
            Process again = client(server, cache, "--exec",
                    "emit hud:hello {\"n\": 1};wait resource:started 60;resources")
                    .redirectOutput(log.toFile()).start();
            again.getOutputStream().close();
            session.await(o -> o.contains("hello from alice n=1"), "the resumed client is connected");
            session.send("resource:restart hud");
            assertTrue(again.waitFor(PlinthInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS), Files.readString(log));
            String resumed = Files.readString(log);
            assertEquals(0, again.exitValue(), resumed);
            assertTrue(resumed.contains("resumed hud:textures/big.bin from "), resumed);
            assertTrue(Files.isRegularFile(cache.resolve(hash)), "the resumed file is verified and cached");
            assertFalse(Files.exists(part));
            assertTrue(resumed.contains("hud stopped on the server: its client scripts stopped"), resumed);
            assertTrue(resumed.contains("loaded hud 1.0.0"), resumed);
            assertEquals(2, resumed.split("\\[hud\\] client hud up", -1).length - 1,
                    "the client script ran again after the restart:\n" + resumed);
            assertTrue(resumed.matches("(?s).*\nhud\\s+script\\s+1\\.0\\.0\\s+loaded\\s+yes\\s.*"), resumed);
        }
    }

    @Test
    void theExamplesClientScriptsRunOnAClient() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [\"radar\", \"core\", \"hud-mod\", \"js-helper\"]}");
        var server = PlinthInstance.at(home);
        try (var session = PlinthSession.open(server)) {
            String out = runClient(client(server, caches.resolve("radar"), "--exec",
                    "ready radar;emit radar:hello {\"range\": 5};wait radar:contacts 30;resources"));

            assertTrue(out.contains("[radar] radar up on the client; the server lists 4 resource(s) for clients"), out);
            assertTrue(out.contains("[core] core client-main runs: core 1.0.0"), "alt:V's client-main:\n" + out);
            assertTrue(out.contains("HUD attached"), "the Staminal mod's client.js (JavaScript) runs onAttach:\n" + out);
            assertTrue(out.contains("radar is ready"), out);
            assertTrue(out.contains("[radar] radar contacts from server: scan 1"), out);
            assertTrue(out.matches("(?s).*\nradar\\s+script\\s+1\\.0\\.0\\s+loaded\\s+yes\\s.*"), out);
            session.await(o -> o.contains("radar: alice scans at range 128 (scan 1)")
                    && o.contains("radar: alice scans at range 5 (scan 2)"), "the server script got both hellos");
            session.send("sim:clients");
            session.send("sim:clients alice");
            session.await(o -> o.contains("No client connected: bin/plinth-client --server URL --name NAME joins one.")
                    && o.contains("ERROR: missing or wrong arguments; usage: sim:clients"),
                    "sim:clients says who is connected (alice left) and its usage");
        }
    }

    @Test
    void theHudModBootstrapsOnAClientImportsItsLibraryAndDownloadsAModItWasNotGiven() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"),
                "{\"StartupResources\": [\"core\", \"js-helper\", \"hud-mod\", \"hud-extras\"]}");
        var server = PlinthInstance.at(home);
        try (var session = PlinthSession.open(server)) {
            String out = runClient(client(server, caches.resolve("hud-mod"), "--exec",
                    "wait system:mod_loaded 60;resources"));

            int helper = out.indexOf("[js-helper] js-helper attached");
            int attached = out.indexOf("[hud-mod] HUD attached");
            int bootstrap = out.indexOf("[hud-mod] HUD bootstrap; not loaded yet: hud-extras\n");
            int frames = out.indexOf("[hud-mod] HUD drew 3 frames");
            int asks = out.indexOf("[hud-mod] HUD asks for hud-extras: true");
            int extras = out.indexOf("[hud-extras] HUD extras attached: 1 widget(s)");
            int sees = out.indexOf("[hud-mod] HUD sees hud-extras loaded (loaded = true)");
            assertTrue(helper >= 0 && helper < attached && attached < bootstrap,
                    "the required library first (lower priority), then the bootstrap mod's async onAttach, awaited"
                    + " (its wait runs out first), then its onBootstrap, which sees hud-extras not loaded:\n" + out);
            assertTrue(bootstrap < frames && frames < asks,
                    "onBootstrap awaits its interval's frames, then a timeout, on the client's loop:\n" + out);
            assertTrue(asks < extras && extras < sees,
                    "system.download_mod loads hud-extras, which imports @js-helper, then system:mod_loaded:\n" + out);
            assertTrue(out.contains("loaded hud-extras 1.0.0 (downloaded by a bootstrap mod)"), out);
            assertTrue(out.matches("(?s).*\nhud-extras\\s+\\S+\\s+1\\.0\\.0\\s+loaded\\s.*"), out);
            assertFalse(out.contains("ERROR"), out);
        }
    }

    @Test
    void javaScriptClientScriptsRunOnAClientAndTalkToTheServer() throws Exception {
        Path compass = home.resolve("resources/compass");
        Files.createDirectories(compass.resolve("server"));
        Files.createDirectories(compass.resolve("client"));
        Files.writeString(compass.resolve("meta.json"), """
                {"name": "compass", "version": "1.0.0", "author": "e2e",
                 "scripts": [
                   {"path": "server/main.lua", "type": "server"},
                   {"path": "client/main.js", "type": "client"},
                   {"path": "client/heading.js", "type": "client"}]}
                """);
        Files.writeString(compass.resolve("server/main.lua"), """
                AddEventHandler("compass:hello", function(event)
                  print("compass: " .. event.source .. " wants " .. event.payload.want)
                  mc.emit_client(event.source, "compass:heading", { degrees = 270 })
                end)
                """);
        Files.writeString(compass.resolve("client/heading.js"), """
                export const describe = (degrees) => `${degrees} degrees`;
                """);
        Files.writeString(compass.resolve("client/main.js"), """
                import { describe } from './heading.js';
                AddEventHandler("compass:heading", (event) => {
                  console.log(`compass heading from ${event.source}: ${describe(event.payload.degrees)}`);
                });
                const [names] = Resource.GetResources();
                console.log(`compass up on the client; the server lists ${names.length} resource(s) for clients`);
                const [ready, err] = Resource.MarkReady("compass");
                console.log("compass ready:", ready, err);
                mc.emit_server("compass:hello", { want: "north" });
                """);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [\"compass\"]}");
        var server = PlinthInstance.at(home);
        try (var session = PlinthSession.open(server)) {
            String out = runClient(client(server, caches.resolve("compass"), "--exec",
                    "wait compass:heading 30;resources"));

            assertTrue(out.contains("[compass] compass up on the client; the server lists 1 resource(s) for clients"),
                    out);
            assertTrue(out.contains("[compass] compass ready: true null"), out);
            assertTrue(out.contains("[compass] compass heading from server: 270 degrees"), out);
            assertTrue(out.matches("(?s).*\ncompass\\s+script\\s+1\\.0\\.0\\s+loaded\\s+yes\\s.*"), out);
            session.await(o -> o.contains("compass: alice wants north"), "the server script got the client's event");
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package dev.plinth.benchmarks.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.internal.transfer.Downloads;
import dev.plinth.client.internal.transfer.FileCache;
import dev.plinth.client.internal.transfer.ProgressView;
import dev.plinth.client.internal.transfer.ServerApi;
import dev.plinth.client.internal.transfer.Transfer;
import dev.plinth.client.protocol.JoinResponse;
import dev.plinth.client.protocol.ModInfo;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client transfer harness: starts the built distribution on a home of {@value #RESOURCES} MTADM resources of
 * {@value #FILES} asset files each (random bytes, about 20 MB in all), then
 *
 * <ol>
 *   <li>N clients (100 by default) join at once over loopback and each downloads every file of every resource
 *       with the headless client's transfer code (join, the payload listings, batches of files, each file verified
 *       against its listing's size and SHA-256 as it ends) into a cache folder of its own: all must complete; the
 *       aggregate rate is every client's bytes over the wall time from the first join to the last file; then every
 *       cached file is hashed again against its name (none may be corrupted); the figure of the issue. The processor
 *       time both sides spent is printed too; on JVMs just started, about a third of it is the JIT compiling the
 *       transfer's code;</li>
 *   <li>a second wave of N clients does the same with caches of their own, on the JVMs that ran the first: what a
 *       server that has been up a while pays per file, with its code compiled (reported beside, never instead);</li>
 *   <li>the real headless client ({@code bin/plinth-client}) joins twice with one cache folder: the first run
 *       downloads everything, the second (a warm cache) must transfer 0 bytes;</li>
 *   <li>{@value #BIG_RESOURCES} resources of {@value #BIG_FILES} files of 20 MiB (1000 MiB) are started and
 *       {@code resource:files} asked for: the time from the start commands to the last listing is what hashing
 *       1000 MiB of client files takes (on the payload's own threads, never the game thread), the starts
 *       included.</li>
 * </ol>
 *
 * The simulated clients run in this JVM, each with an HTTP client of its own (as separate players have), without a
 * WebSocket (the session's socket timeout is far longer than a run) and without scripts: the transfer is the same
 * code, client and server, that real players use, in a JVM set as {@code bin/plinth-client} sets its own (the HTTP
 * client's 64 KiB buffers, {@code -Djdk.httpclient.bufsize=65536}, see benchmarks/pom.xml). The figures
 * depend on the machine: take them on a quiet one. Prints a table and writes a JSON result.
 *
 * <p>{@code ./plinthw -pl benchmarks -am -Ptransfer verify} ({@code -Dtransfer.clients=N}).
 */
public final class TransferHarness {

    static final int RESOURCES = 20;
    static final int FILES = 50;
    static final int FILE_BYTES = 20_000;
    static final int BIG_RESOURCES = 5;
    static final int BIG_FILES = 10;
    static final int BIG_FILE_BYTES = 20 << 20;
    private static final String READY = "plinth-transfer-ready";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern TRANSFER_LINE =
            Pattern.compile("transfer: (\\d+) file\\(s\\) to download \\(([^)]*)\\), (\\d+) in the cache");

    private final Path distribution;
    private final Path work;
    private final ObjectMapper json = Protocol.mapper();

    private TransferHarness(Path distribution, Path work) {
        this.distribution = distribution;
        this.work = work;
    }

    /**
     * Runs the harness.
     *
     * @param args the distribution folder, the result file, optionally the number of clients
     * @throws Exception when the server does not start, a client fails, or the transfer is not whole
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: TransferHarness DISTRIBUTION RESULT.json [CLIENTS]");
        }
        Path result = Path.of(args[1]).toAbsolutePath();
        int clients = args.length > 2 && !args[2].isBlank() ? Integer.parseInt(args[2]) : 100;
        Path work = result.resolveSibling("transfer-work");
        deleteTree(work);
        Files.createDirectories(work);
        Map<String, Object> figures;
        try {
            figures = new TransferHarness(Path.of(args[0]), work).run(clients);
        } finally {
            deleteTree(work); // the server's bundle copies of the hashing phase alone hold 1000 MiB
        }
        Files.writeString(result, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        System.out.println("written " + result);
    }

    private Map<String, Object> run(int clients) throws Exception {
        Path home = work.resolve("home");
        long payloadBytes = writeResources(home.resolve("resources"));
        int port = freePort();
        Files.createDirectories(home.resolve("conf"));
        List<String> names = new ArrayList<>();
        for (int r = 0; r < RESOURCES; r++) {
            names.add("\"bench" + r + "\"");
        }
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [" + String.join(", ", names)
                + "], \"http\": {\"port\": " + port + ", \"host\": \"127.0.0.1\"}, "
                + "\"clients\": {\"socketTimeoutSeconds\": 600}}");
        URI server = URI.create("http://127.0.0.1:" + port);

        Process plinth = new ProcessBuilder(distribution.resolve("bin/plinth").toString(), "--home", home.toString())
                .redirectErrorStream(true).start();
        var ready = new CountDownLatch(1);
        var lines = new LinkedBlockingQueue<String>();
        Thread.ofPlatform().daemon().start(() -> drain(plinth.getInputStream(), ready, lines));
        OutputStream console = plinth.getOutputStream();
        try {
            console.write(("echo " + READY + "\n").getBytes(StandardCharsets.UTF_8));
            console.flush();
            if (!ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not start within " + TIMEOUT);
            }
            var figures = new LinkedHashMap<String, Object>();
            figures.put("clients", clients);
            figures.put("resources", RESOURCES);
            figures.put("filesPerResource", FILES);
            figures.put("payloadBytes", payloadBytes);
            concurrentJoins(server, plinth, clients, payloadBytes, figures, Wave.FIRST);
            concurrentJoins(server, plinth, clients, payloadBytes, figures, Wave.SECOND);
            deleteTree(work.resolve("caches"));
            realClient(server, figures);
            hashing(home.resolve("resources"), console, lines, figures);
            return figures;
        } finally {
            console.close(); // the end of its input stops the server
            if (!plinth.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                plinth.destroyForcibly();
            }
        }
    }

    /**
     * A wave of joins: the first comes to a server and a client JVM just started (what the figure is), the
     * second, with caches of its own, to JVMs that ran the first (their code compiled: what a server that has been up
     * a while costs per file).
     */
    private enum Wave {
        FIRST("", "%d clients joined at once"),
        SECOND("secondWave", "second wave, %d more clients joined at once (JVMs warm)");

        final String prefix;
        final String title;

        Wave(String prefix, String title) {
            this.prefix = prefix;
            this.title = title;
        }

        String key(String name) {
            return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    /**
     * N clients join at once and download everything; all must complete, none corrupted. Their caches stay until both
     * waves ran (deleting 100,000 files just before the second wave's would make it pay, on a file system without a
     * journal, for the inodes ext4 keeps from reuse for a while after a delete).
     */
    private void concurrentJoins(URI server, Process plinth, int clients, long payloadBytes,
            Map<String, Object> figures, Wave wave) throws Exception {
        var bytes = new AtomicLong();
        var files = new AtomicLong();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<?>>();
        Path caches = work.resolve("caches").resolve(wave.name().toLowerCase(Locale.ROOT));
        long began;
        long clientCpu;
        long serverCpu;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                String name = "bench_" + (wave == Wave.FIRST ? "" : "w2_") + i;
                Path cache = caches.resolve(name);
                results.add(threads.submit(() -> {
                    start.await();
                    Transfer.Result result = downloadEverything(server, name, cache);
                    bytes.addAndGet(result.downloadedBytes());
                    files.addAndGet(result.downloadedFiles());
                    return null;
                }));
            }
            began = System.nanoTime();
            clientCpu = ownCpuNanos();
            serverCpu = cpuNanos(plinth);
            start.countDown();
            for (Future<?> future : results) {
                future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double clientCpuSeconds = (ownCpuNanos() - clientCpu) / 1e9;
        double serverCpuSeconds = (cpuNanos(plinth) - serverCpu) / 1e9;
        long expected = payloadBytes * clients;
        double rate = bytes.get() / seconds / 1e6;
        // The client verified each file as it arrived; every cache is read again here, outside the timed part.
        var verified = verifyCaches(caches);
        System.out.printf(Locale.ROOT, wave.title + ": %d files, %.1f MB in %.2f s = %.0f MB/s aggregate;"
                + " %d cached file(s) hashed again, %d corrupted; complete: %s%n", clients, files.get(),
                bytes.get() / 1e6, seconds, rate, verified.files(), verified.corrupted(),
                bytes.get() == expected && verified.bytes() == expected);
        // On a busy machine the wall time says little; the processor time both sides spent says what it costs.
        System.out.printf(Locale.ROOT, "  processor time: clients %.1f s, server %.1f s = %.0f MB per processor second%n",
                clientCpuSeconds, serverCpuSeconds, bytes.get() / (clientCpuSeconds + serverCpuSeconds) / 1e6);
        figures.put(wave.key("clientCpuSeconds"), clientCpuSeconds);
        figures.put(wave.key("serverCpuSeconds"), serverCpuSeconds);
        figures.put(wave.key("coldBytes"), bytes.get());
        figures.put(wave.key("coldExpectedBytes"), expected);
        figures.put(wave.key("coldFiles"), files.get());
        figures.put(wave.key("coldSeconds"), seconds);
        figures.put(wave.key("aggregateMBps"), rate);
        figures.put(wave.key("verifiedFiles"), verified.files());
        figures.put(wave.key("corrupted"), verified.corrupted());
        if (verified.corrupted() != 0 || bytes.get() != expected || verified.bytes() != expected) {
            throw new IllegalStateException("the transfer was not whole: " + bytes.get() + " of " + expected
                    + " bytes received, " + verified.bytes() + " in the caches, " + verified.corrupted()
                    + " corrupted file(s)");
        }
    }

    /**
     * One simulated client, with the headless client's own transfer code (the classes {@code bin/plinth-client} runs:
     * its server API, cache, downloads and transfer, which verifies every file's size and SHA-256 as it ends): join,
     * every listing (in one request, as it does), the transfer into a cache folder of its own, leave. Its events are counted, not printed.
     */
    private Transfer.Result downloadEverything(URI server, String name, Path cacheFolder) throws IOException {
        // As bin/plinth-client makes its own (ClientService): the client's HTTP settings.
        try (HttpClient http = ServerApi.httpClient()) {
            var api = new ServerApi(http, server, json);
            JoinResponse join = api.join(name, Protocol.VERSION);
            String token = join.session().token();
            List<PayloadListing> listings = api.listings(token).resources();
            var listed = listings.stream().map(PayloadListing::name).toList();
            for (ModInfo mod : join.loginSuccess().mods()) {
                if (!listed.contains(mod.modId())) {
                    throw new IllegalStateException(name + ": no listing for " + mod.modId());
                }
            }
            var cache = new FileCache(cacheFolder);
            var events = new AtomicLong();
            var transfer = new Transfer(name, token, new Downloads(api, cache, OptionalLong.empty()), cache,
                    (event, payload) -> events.incrementAndGet(), report -> { }, new ProgressView(line -> { }, false));
            Transfer.Result result = transfer.run(listings);
            api.leave(token);
            return result;
        }
    }

    /** What the caches hold, each file hashed again against its name. */
    private record Verified(long files, long bytes, long corrupted) {}

    private static Verified verifyCaches(Path caches) throws IOException, NoSuchAlgorithmException {
        var digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long files = 0;
        long bytes = 0;
        long corrupted = 0;
        List<Path> all;
        try (var walk = Files.walk(caches)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : all) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    bytes += n;
                }
            }
            files++;
            if (!HexFormat.of().formatHex(digest.digest()).equals(file.getFileName().toString())) {
                corrupted++;
            }
        }
        return new Verified(files, bytes, corrupted);
    }

    /** bin/plinth-client twice with one cache: the second run must transfer nothing. */
    private void realClient(URI server, Map<String, Object> figures) throws IOException, InterruptedException {
        Path cache = work.resolve("client-cache");
        for (String run : List.of("cold", "warm")) {
            long began = System.nanoTime();
            Process client = new ProcessBuilder(distribution.resolve("bin/plinth-client").toString(), "--server",
                    server.toString(), "--name", "real_client", "--cache", cache.toString(), "--exec", "resources")
                    .redirectErrorStream(true).start();
            client.getOutputStream().close();
            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || client.exitValue() != 0) {
                throw new IllegalStateException("bin/plinth-client failed:\n" + out);
            }
            Matcher transfer = TRANSFER_LINE.matcher(out);
            if (!transfer.find()) {
                throw new IllegalStateException("bin/plinth-client printed no transfer line:\n" + out);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(Locale.ROOT, "bin/plinth-client, %s cache: %s file(s) downloaded (%s), %s in the cache,"
                    + " %.1f s including its JVM%n", run, transfer.group(1), transfer.group(2), transfer.group(3),
                    seconds);
            figures.put(run + "ClientDownloadedFiles", Long.parseLong(transfer.group(1)));
            figures.put(run + "ClientDownloaded", transfer.group(2));
            figures.put(run + "ClientCachedFiles", Long.parseLong(transfer.group(3)));
            if (run.equals("warm") && !transfer.group(1).equals("0")) {
                throw new IllegalStateException("a warm cache transferred files again:\n" + out);
            }
        }
    }

    /**
     * Starts {@value #BIG_RESOURCES} resources of {@value #BIG_FILES} files of 20 MiB (1000 MiB in all; a resource may
     * hold 256 MiB) and waits for their listings.
     */
    private static void hashing(Path resources, OutputStream console, BlockingQueue<String> lines,
            Map<String, Object> figures) throws IOException, InterruptedException {
        var random = new Random(32);
        byte[] bytes = new byte[BIG_FILE_BYTES];
        var folders = new ArrayList<Path>();
        for (int r = 0; r < BIG_RESOURCES; r++) {
            Path folder = Files.createDirectories(resources.resolve("bench-big" + r).resolve("assets"));
            folders.add(folder.getParent());
            var assets = new ArrayList<String>();
            for (int f = 0; f < BIG_FILES; f++) {
                random.nextBytes(bytes);
                Files.write(folder.resolve("big" + f + ".bin"), bytes);
                assets.add("{\"path\": \"assets/big" + f + ".bin\", \"type\": \"asset\", \"cache\": true}");
            }
            Files.writeString(folder.resolveSibling("meta.json"), "{\"name\": \"bench-big" + r
                    + "\", \"version\": \"1.0.0\", \"resourceType\": \"script\", \"scripts\": [], \"assets\": ["
                    + String.join(", ", assets) + "]}");
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int r = 0; r < BIG_RESOURCES; r++) {
            // The deployer picks a folder up on its next scan: ask until the resource is known.
            while (true) {
                lines.clear();
                console.write(("resource:info bench-big" + r + "\n").getBytes(StandardCharsets.UTF_8));
                console.flush();
                String answer = awaitLine(lines, l -> l.matches("(.*\\s)?state\\s+\\S+.*") || l.contains("ERR_"),
                        deadline);
                if (!answer.contains("ERR_")) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        lines.clear();
        var commands = new StringBuilder();
        for (int r = 0; r < BIG_RESOURCES; r++) {
            commands.append("resource:start bench-big").append(r).append('\n');
        }
        for (int r = 0; r < BIG_RESOURCES; r++) {
            commands.append("resource:files bench-big").append(r).append('\n');
        }
        long began = System.nanoTime();
        console.write(commands.toString().getBytes(StandardCharsets.UTF_8));
        console.flush();
        for (int r = 0; r < BIG_RESOURCES; r++) {
            String listing = "bench-big" + r + " 1.0.0: " + BIG_FILES + " file(s)";
            awaitLine(lines, l -> l.contains(listing), deadline);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long total = (long) BIG_RESOURCES * BIG_FILES * BIG_FILE_BYTES;
        System.out.printf(Locale.ROOT, "hashing %d MiB of client files (starts to resource:files): %.2f s = %.0f MB/s%n",
                total >> 20, seconds, total / seconds / 1e6);
        figures.put("hashedBytes", total);
        figures.put("hashSeconds", seconds);
        for (Path folder : folders) {
            deleteTree(folder);
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted,
            long deadline) throws InterruptedException {
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("the server did not answer within " + TIMEOUT);
            }
            if (wanted.test(line.strip())) {
                return line.strip();
            }
        }
    }

    /** Writes the resources; {@return the bytes of all their assets} */
    private static long writeResources(Path resources) throws IOException {
        var random = new Random(16);
        long total = 0;
        for (int r = 0; r < RESOURCES; r++) {
            Path folder = Files.createDirectories(resources.resolve("bench" + r).resolve("assets"));
            var assets = new ArrayList<String>();
            for (int f = 0; f < FILES; f++) {
                byte[] bytes = new byte[FILE_BYTES];
                random.nextBytes(bytes);
                Files.write(folder.resolve("file" + f + ".bin"), bytes);
                total += bytes.length;
                assets.add("{\"path\": \"assets/file" + f + ".bin\", \"type\": \"asset\", \"cache\": true}");
            }
            Files.writeString(folder.resolveSibling("meta.json"), "{\"name\": \"bench" + r
                    + "\", \"version\": \"1.0.0\", \"resourceType\": \"script\", \"scripts\": [], \"assets\": ["
                    + String.join(", ", assets) + "]}");
        }
        return total;
    }

    private static void drain(InputStream output, CountDownLatch ready, BlockingQueue<String> seen) {
        try (var lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.strip().equals(READY)) {
                    ready.countDown();
                }
                seen.add(line);
                if (line.contains("hashing client files")) {
                    System.out.println("server: " + line);
                }
            }
        } catch (IOException e) {
            // the server ended
        }
    }

    /** {@return the processor time this JVM used so far} */
    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** {@return the processor time a process used so far} */
    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

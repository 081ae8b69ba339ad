package dev.plinth.client.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.PayloadListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {

    @TempDir
    Path folder;

    private PayloadServer server;
    private FileCache cache;
    private Downloads downloads;

    @BeforeEach
    void start() throws IOException {
        server = new PayloadServer();
        cache = new FileCache(folder);
        downloads = new Downloads(server.api(), cache, OptionalLong.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A file larger than a batch receives whole in memory: it goes through its {@code .part}. */
    private static final int BIG = Downloads.WHOLE_FILE_BYTES + 50_000;

    private static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void fetchKeepsAVerifiedFileInTheCache() throws IOException {
        byte[] content = bytes(100_000, 1);
        var entry = server.add("assets/a.bin", content, true);
        var received = new AtomicLong();
        var outcome = downloads.fetch(PayloadServer.TOKEN, new Needed("r", entry), received::addAndGet);
        assertEquals(new Downloads.Outcome(content.length, 0), outcome);
        assertEquals(content.length, received.get());
        assertArrayEquals(content, Files.readAllBytes(folder.resolve(entry.hash())));
        assertFalse(Files.exists(cache.part(entry.hash())));
    }

    @Test
    void fetchResumesFromWhatAPartialFileHolds() throws IOException {
        byte[] content = bytes(100_000, 2);
        var entry = server.add("assets/a.bin", content, true);
        Files.write(cache.part(entry.hash()), Arrays.copyOf(content, 40_000)); // a killed transfer's leftover
        var outcome = downloads.fetch(PayloadServer.TOKEN, new Needed("r", entry), n -> { });
        assertEquals(new Downloads.Outcome(60_000, 40_000), outcome, "only the rest is received");
        assertEquals(List.of("GET " + entry.hash() + " bytes=40000-"), server.requests);
        assertArrayEquals(content, Files.readAllBytes(folder.resolve(entry.hash())));
    }

    @Test
    void fetchContinuesAnAnswerThatBrokeOff() throws IOException {
        byte[] content = bytes(100_000, 3);
        var entry = server.add("assets/a.bin", content, true);
        server.cutAfter.set(30_000);
        var outcome = downloads.fetch(PayloadServer.TOKEN, new Needed("r", entry), n -> { });
        assertEquals(100_000, outcome.received());
        assertEquals(2, server.requests.size(), server.requests::toString);
        assertEquals("GET " + entry.hash(), server.requests.getFirst());
        // the retry asks for what the first answer did not leave on disk: at most the 30,000 bytes sent before the
        // break (the JDK's HTTP client may drop the last bytes it read of an answer that breaks off)
        long kept = resumedFrom(server.requests.get(1), entry.hash());
        assertTrue(kept <= 30_000, server.requests::toString);
        assertEquals(new Downloads.Outcome(100_000, 0), outcome);
        assertArrayEquals(content, Files.readAllBytes(folder.resolve(entry.hash())));
    }

    @Test
    void fetchStartsOverOnceWhenTheBytesDoNotMatchTheHash() throws IOException {
        byte[] content = bytes(10_000, 4);
        var entry = server.add("assets/a.bin", content, true);
        server.corrupt.put(entry.hash(), 1);
        downloads.fetch(PayloadServer.TOKEN, new Needed("r", entry), n -> { });
        assertEquals(2, server.requests.size(), "the damaged copy is dropped and the file fetched again whole");
        assertArrayEquals(content, Files.readAllBytes(folder.resolve(entry.hash())));
    }

    @Test
    void fetchFailsWhenTheBytesNeverMatchTheHash() {
        var entry = server.add("assets/a.bin", bytes(10_000, 5), true);
        server.corrupt.put(entry.hash(), 100);
        var e = assertThrows(ClientException.class,
                () -> downloads.fetch(PayloadServer.TOKEN, new Needed("r", entry), n -> { }));
        assertEquals("r:assets/a.bin: what the server sent does not match its SHA-256 " + entry.hash()
                + " (10000 bytes), twice", e.getMessage());
        assertFalse(Files.exists(folder.resolve(entry.hash())), "nothing unverified reaches the cache");
    }

    @Test
    void fetchSaysWhenTheServerNoLongerHasTheFile() {
        var gone = new PayloadListing.Entry("assets/gone.bin", 10, "0".repeat(64), true, "asset");
        var e = assertThrows(ClientException.class,
                () -> downloads.fetch(PayloadServer.TOKEN, new Needed("r", gone), n -> { }));
        assertEquals("r:assets/gone.bin: the server no longer sends it (it changed or stopped)", e.getMessage());
    }

    @Test
    void aFileThatMustNotBeCachedIsKeptInMemoryOnly() throws IOException {
        byte[] content = bytes(5_000, 6);
        var entry = server.add("assets/secret.bin", content, false);
        downloads.fetch(PayloadServer.TOKEN, new Needed("r", entry), n -> { });
        assertArrayEquals(content, cache.read(entry.hash()).orElseThrow());
        try (var listing = Files.list(folder)) {
            assertEquals(0, listing.count());
        }
    }

    @Test
    void aBatchBringsEveryFileInOneAnswer() throws IOException {
        var needed = new ArrayList<Needed>();
        for (int i = 0; i < 5; i++) {
            needed.add(new Needed("r", server.add("assets/" + i + ".bin", bytes(20_000 + i, 10 + i), true)));
        }
        var done = new ArrayList<Needed>();
        var left = downloads.fetchBatch(PayloadServer.TOKEN, needed, n -> { }, (item, outcome) -> done.add(item));
        assertEquals(List.of(), left);
        assertEquals(needed, done);
        assertEquals(1, server.requests.size(), "one request: " + server.requests);
        for (Needed item : needed) {
            assertTrue(cache.has(item.entry().hash(), item.entry().size()));
        }
        assertEquals(5, CacheFolder.files(folder).size(), "small files are written once under their names, no .part left");
        assertEquals(List.of(), CacheFolder.temporaries(folder), "nor a temporary file");
    }

    @Test
    void aSmallFileCutOffOrDamagedInABatchLeavesNothingOnDiskAndComesWholeLater() throws IOException {
        var needed = new ArrayList<Needed>();
        for (int i = 0; i < 3; i++) {
            needed.add(new Needed("r", server.add("assets/" + i + ".bin", bytes(10_000, 60 + i), true)));
        }
        server.corrupt.put(needed.get(0).entry().hash(), 1);
        server.cutAfter.set(15_000); // the first file (damaged) and half of the second
        var done = new ArrayList<Needed>();
        var left = downloads.fetchBatch(PayloadServer.TOKEN, needed, n -> { }, (item, outcome) -> done.add(item));
        assertEquals(List.of(), done);
        assertEquals(needed, left);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "neither the damaged file nor half of the next is written");
        }
        assertEquals(new Downloads.Outcome(10_000, 0), downloads.fetch(PayloadServer.TOKEN, left.get(1), n -> { }));
        assertTrue(cache.has(left.get(1).entry().hash(), 10_000));
    }

    @Test
    void aBatchThatBreaksOffLeavesTheRestAndThePartOfTheFileUnderWay() throws IOException {
        var needed = new ArrayList<Needed>();
        for (int i = 0; i < 3; i++) {
            needed.add(new Needed("r", server.add("assets/" + i + ".bin", bytes(BIG, 20 + i), true)));
        }
        server.cutAfter.set(BIG + BIG / 2); // the first file and half of the second
        var done = new ArrayList<Needed>();
        var left = downloads.fetchBatch(PayloadServer.TOKEN, needed, n -> { }, (item, outcome) -> done.add(item));
        assertEquals(needed.subList(0, 1), done);
        assertEquals(needed.subList(1, 3), left);
        // what came of it is kept: at most the half sent before the break (the JDK's HTTP client may drop the last
        // bytes it read of an answer that breaks off), and it is the file's beginning
        Path part = cache.part(needed.get(1).entry().hash());
        long kept = Files.size(part);
        assertTrue(kept <= BIG / 2, "kept " + kept);
        assertArrayEquals(Arrays.copyOf(bytes(BIG, 21), (int) kept), Files.readAllBytes(part));

        var resumed = downloads.fetch(PayloadServer.TOKEN, left.get(0), n -> { });
        assertEquals(new Downloads.Outcome(BIG - kept, kept), resumed);
        var again = downloads.fetchBatch(PayloadServer.TOKEN, left.subList(1, 2), n -> { }, (item, o) -> done.add(item));
        assertEquals(List.of(), again);
        assertEquals(needed.get(2), done.getLast());
    }

    @Test
    void aBatchResumesPartialFilesFromTheirOffsets() throws IOException {
        byte[] content = bytes(30_000, 30);
        var first = new Needed("r", server.add("assets/a.bin", content, true));
        var second = new Needed("r", server.add("assets/b.bin", bytes(1_000, 31), true));
        Files.write(cache.part(first.entry().hash()), Arrays.copyOf(content, 12_345));
        var outcomes = new ArrayList<Downloads.Outcome>();
        var left = downloads.fetchBatch(PayloadServer.TOKEN, List.of(first, second), n -> { },
                (item, outcome) -> outcomes.add(outcome));
        assertEquals(List.of(), left);
        assertEquals(List.of(new Downloads.Outcome(30_000 - 12_345, 12_345), new Downloads.Outcome(1_000, 0)),
                outcomes);
        assertEquals(List.of("POST [" + first.entry().hash().substring(0, 8) + "@12345, "
                + second.entry().hash().substring(0, 8) + "@0]"), server.requests);
        assertArrayEquals(content, Files.readAllBytes(folder.resolve(first.entry().hash())));
    }

    @Test
    void aBatchGivesBackAFileThatFailsVerificationAndKeepsTheOthers() throws IOException {
        var good = new Needed("r", server.add("assets/good.bin", bytes(4_000, 40), true));
        var bad = new Needed("r", server.add("assets/bad.bin", bytes(BIG, 41), true));
        var after = new Needed("r", server.add("assets/after.bin", bytes(4_000, 42), true));
        server.corrupt.put(bad.entry().hash(), 1);
        var done = new ArrayList<Needed>();
        var left = downloads.fetchBatch(PayloadServer.TOKEN, List.of(good, bad, after), n -> { },
                (item, outcome) -> done.add(item));
        assertEquals(List.of(bad), left);
        assertEquals(List.of(good, after), done, "the stream stays in step after a damaged file");
        assertFalse(cache.has(bad.entry().hash(), bad.entry().size()));
        assertEquals(0, Files.size(cache.part(bad.entry().hash())), "its damaged bytes are dropped");
    }

    @Test
    void aRefusedBatchGivesEveryFileBack() {
        var known = new Needed("r", server.add("assets/a.bin", bytes(100, 50), true));
        var unknown = new Needed("r", new PayloadListing.Entry("assets/old.bin", 10, "1".repeat(64), true, "asset"));
        var left = downloads.fetchBatch(PayloadServer.TOKEN, List.of(known, unknown), n -> { }, (i, o) -> { });
        assertEquals(List.of(known, unknown), left, "one by one, each says what is wrong with it");
    }

    /** Where a file request resumed: its {@code bytes=N-} range, 0 without one. */
    private static long resumedFrom(String request, String hash) {
        String whole = "GET " + hash;
        assertTrue(request.startsWith(whole), request);
        String range = request.substring(whole.length()).strip();
        return range.isEmpty() ? 0 : Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
    }

}

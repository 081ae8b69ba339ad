package dev.plinth.client.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {

    private static final byte[] CONTENT = "the content of a cached file".getBytes(StandardCharsets.UTF_8);
    private static final String HASH = HexFormat.of().formatHex(Partial.newDigest().digest(CONTENT));

    @TempDir
    Path folder;

    @Test
    void trustsAFileWhoseSizeAndHashMatchItsName() throws IOException {
        var cache = new FileCache(folder);
        Files.write(folder.resolve(HASH), CONTENT);
        assertTrue(cache.has(HASH, CONTENT.length));
        assertArrayEquals(CONTENT, cache.read(HASH).orElseThrow());
    }

    @Test
    void deletesAFileThatNoLongerMatchesItsHash() throws IOException {
        var cache = new FileCache(folder);
        byte[] damaged = CONTENT.clone();
        damaged[0] ^= 1;
        Files.write(folder.resolve(HASH), damaged);
        assertFalse(cache.has(HASH, CONTENT.length), "same size, other bytes: not the file");
        assertFalse(Files.exists(folder.resolve(HASH)), "a damaged file is deleted, so it downloads again");
        assertTrue(cache.read(HASH).isEmpty());
    }

    @Test
    void deletesAFileOfTheWrongSize() throws IOException {
        var cache = new FileCache(folder);
        Files.write(folder.resolve(HASH), "short".getBytes(StandardCharsets.UTF_8));
        assertFalse(cache.has(HASH, CONTENT.length));
        assertFalse(Files.exists(folder.resolve(HASH)));
    }

    @Test
    void aMissingFileIsNotThere() throws IOException {
        assertFalse(new FileCache(folder).has(HASH, CONTENT.length));
    }

    @Test
    void commitMakesThePartialDownloadTheCachedFile() throws IOException {
        var cache = new FileCache(folder.resolve("created/on/demand"));
        Files.write(cache.part(HASH), CONTENT);
        cache.commit(HASH);
        assertFalse(Files.exists(cache.part(HASH)));
        assertTrue(cache.has(HASH, CONTENT.length));
        assertEquals(HASH + ".part", cache.part(HASH).getFileName().toString());
    }

    @Test
    void filesThatMustNotBeCachedStayInMemoryForTheSession() throws IOException {
        var cache = new FileCache(folder);
        cache.keep(HASH, CONTENT);
        assertTrue(cache.has(HASH, CONTENT.length));
        assertArrayEquals(CONTENT, cache.read(HASH).orElseThrow());
        try (var listing = Files.list(folder)) {
            assertEquals(0, listing.count(), "nothing of it is written to the folder");
        }
        cache.clearMemory();
        assertFalse(cache.has(HASH, CONTENT.length), "the next session fetches it again");
    }

    @Test
    void aReaderSharingTheFolderNeverSeesAHalfWrittenFile() throws Exception {
        byte[] big = new byte[16 << 20]; // long enough to write that a reader polls it many times meanwhile
        new java.util.Random(7).nextBytes(big);
        String hash = HexFormat.of().formatHex(Partial.newDigest().digest(big));
        var writer = new FileCache(folder);
        var reader = new FileCache(folder);
        var stored = new java.util.concurrent.CountDownLatch(1);
        var seen = new java.util.ArrayList<Long>();
        Thread polling = Thread.ofPlatform().start(() -> {
            try {
                while (stored.getCount() > 0) {
                    if (Files.exists(folder.resolve(hash))) {
                        seen.add(Files.size(folder.resolve(hash)));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.store(hash, big, big.length);
        stored.countDown();
        polling.join();
        assertTrue(seen.stream().allMatch(size -> size == big.length),
                "under its name the file is whole or absent, never part of it: sizes seen " + seen.stream().distinct().toList());
        assertTrue(reader.has(hash, big.length), "the other cache trusts it");
        assertArrayEquals(big, reader.read(hash).orElseThrow());
        assertEquals(java.util.List.of(hash), CacheFolder.files(folder), "only the file is under the cache's names");
        assertEquals(java.util.List.of(), CacheFolder.temporaries(folder), "no temporary file is left");
    }

    @Test
    void twoWritersOfOneFileLeaveItWhole() throws Exception {
        var first = new FileCache(folder);
        var second = new FileCache(folder);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 200; round++) {
                var a = threads.submit(() -> {
                    first.store(HASH, CONTENT, CONTENT.length);
                    return null;
                });
                var b = threads.submit(() -> {
                    second.store(HASH, CONTENT, CONTENT.length);
                    return null;
                });
                a.get();
                b.get();
                assertArrayEquals(CONTENT, Files.readAllBytes(folder.resolve(HASH)));
            }
        }
        assertEquals(java.util.List.of(HASH), CacheFolder.files(folder));
        assertEquals(java.util.List.of(), CacheFolder.temporaries(folder),
                "nothing left: each writer's temporary name was its own");
    }

    @Test
    void anAbandonedTemporaryFileIsDeletedByTheNextCacheAFreshOneIsLeftToItsWriter() throws IOException {
        Path temporaries = Files.createDirectories(folder.resolve(FileCache.TEMPORARY_FOLDER));
        Path abandoned = temporaries.resolve(HASH + ".killed-1.tmp");
        Path fresh = temporaries.resolve(HASH + ".writing-1.tmp");
        Files.write(abandoned, CONTENT);
        Files.write(fresh, CONTENT);
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(FileCache.ABANDONED).minusSeconds(60)));
        new FileCache(folder);
        assertFalse(Files.exists(abandoned), "a writer killed an hour ago or more left it");
        assertTrue(Files.exists(fresh), "its writer may still move it onto its name");
    }

    @Test
    void temporaryFilesAreWrittenInAFolderOfTheirOwnMadeWhenTheFirstIsWritten() throws IOException {
        var cache = new FileCache(folder);
        assertFalse(Files.exists(folder.resolve(FileCache.TEMPORARY_FOLDER)), "no writer yet, no folder");
        cache.store(HASH, CONTENT, CONTENT.length);
        assertTrue(Files.isDirectory(folder.resolve(FileCache.TEMPORARY_FOLDER)));
        assertEquals(java.util.List.of(HASH), CacheFolder.files(folder));
        assertTrue(cache.has(HASH, CONTENT.length));
        assertArrayEquals(CONTENT, Files.readAllBytes(folder.resolve(HASH)));
        // Deleted meanwhile (someone cleaning the cache by hand): made again by the next write.
        Files.delete(folder.resolve(FileCache.TEMPORARY_FOLDER));
        String other = HexFormat.of().formatHex(Partial.newDigest().digest(new byte[] {1, 2, 3}));
        cache.store(other, new byte[] {1, 2, 3, 4}, 3); // what follows the length is not the file's
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(folder.resolve(other)));
        assertEquals(java.util.List.of(other, HASH).stream().sorted().toList(), CacheFolder.files(folder));
        assertEquals(java.util.List.of(), CacheFolder.temporaries(folder));
    }

    @Test
    void oneListingTellsWhichFilesAndPartialDownloadsAreThere() throws IOException {
        var cache = new FileCache(folder);
        String other = "0".repeat(64);
        cache.store(HASH, CONTENT, CONTENT.length);
        Files.write(cache.part(other), CONTENT);

        FileCache.Listing listing = cache.list();

        assertTrue(listing.holds(HASH) && !listing.holdsPart(HASH));
        assertTrue(listing.holdsPart(other) && !listing.holds(other));
        assertFalse(listing.holds("1".repeat(64)));
    }
}

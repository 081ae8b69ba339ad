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
}

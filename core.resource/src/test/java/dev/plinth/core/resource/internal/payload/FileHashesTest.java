package dev.plinth.core.resource.internal.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA-256 of files, on the hasher's threads, kept until a file changes. */
class FileHashesTest {

    @TempDir
    Path folder;

    private final FileHashes hashes = new FileHashes(2);

    @AfterEach
    void close() {
        hashes.close();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void hashesAreTheFilesSha256ComputedOffTheCallingThread() throws Exception {
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        Path a = Files.write(folder.resolve("a.bin"), big);
        Path b = Files.writeString(folder.resolve("b.txt"), "hello");
        var threads = new java.util.concurrent.CopyOnWriteArraySet<String>();

        var result = hashes.hash(List.of(a, b), bytes -> { }, bytes -> threads.add(Thread.currentThread().getName()));

        assertEquals(sha256(big), result.get(a).sha256());
        assertEquals(sha256("hello".getBytes()), result.get(b).sha256());
        assertTrue(threads.stream().allMatch(t -> t.startsWith("plinth-payload-hash-")), threads.toString());
    }

    @Test
    void anUnchangedFileIsNotHashedAgainAChangedOneIs() throws Exception {
        Path file = Files.writeString(folder.resolve("client.lua"), "print('a')");
        var hashed = new AtomicLong();
        String first = hashes.hash(List.of(file), b -> { }, hashed::addAndGet).get(file).sha256();
        long afterFirst = hashed.get();

        String again = hashes.hash(List.of(file), b -> { }, hashed::addAndGet).get(file).sha256();
        assertEquals(first, again);
        assertEquals(afterFirst, hashed.get(), "nothing was read again");

        Files.writeString(file, "print('b')");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        String changed = hashes.hash(List.of(file), b -> { }, hashed::addAndGet).get(file).sha256();
        assertNotEquals(first, changed);
        assertEquals(sha256("print('b')".getBytes()), changed);
    }

    @Test
    void currentIsEmptyOnceTheFileChanged() throws Exception {
        Path file = Files.writeString(folder.resolve("x"), "1");
        hashes.hash(List.of(file), b -> { }, b -> { });
        assertTrue(hashes.current(file).isPresent());

        Files.writeString(file, "22");

        assertTrue(hashes.current(file).isEmpty());
    }

    @Test
    void aMissingFileFailsWithIoException() {
        assertThrows(IOException.class, () -> hashes.hash(List.of(folder.resolve("gone")), b -> { }, b -> { }));
    }
}

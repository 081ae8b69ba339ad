package dev.plinth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileFilesTest {

    @TempDir
    Path folder;

    @Test
    void aSmallZipUnpacksToGigabytes() throws IOException {
        Path zip = HostileFiles.zip(folder.resolve("bomb.zip")).entry("meta.json", "{}")
                .bomb("data.bin", 1536L << 20, 1536L << 20).write();

        assertTrue(Files.size(zip) < 2L << 20, Files.size(zip) + " bytes");
        try (var file = new ZipFile(zip.toFile())) {
            assertEquals(1536L << 20, file.getEntry("data.bin").getSize());
            assertEquals(1536L << 20, unpacked(file, "data.bin"));
            assertEquals(2, unpacked(file, "meta.json"));
        }
    }

    @Test
    void aBombMayClaimLessThanItUnpacksTo() throws IOException {
        Path zip = HostileFiles.zip(folder.resolve("liar.zip")).bomb("meta.json", 4L << 20, 100).write();

        try (var file = new ZipFile(zip.toFile())) {
            assertEquals(100, file.getEntry("meta.json").getSize());
            assertTrue(unpacked(file, "meta.json") >= 4L << 20);
        }
    }

    @Test
    void aSparseFileClaimsWhatItDoesNotHold() throws IOException {
        Path file = HostileFiles.sparse(folder.resolve("big/meta.json"), 3L << 30);

        assertEquals(3L << 30, Files.size(file));
    }

    private static long unpacked(ZipFile file, String entry) throws IOException {
        try (InputStream in = file.getInputStream(file.getEntry(entry))) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}

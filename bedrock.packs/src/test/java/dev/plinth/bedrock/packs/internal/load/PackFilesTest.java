package dev.plinth.bedrock.packs.internal.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack read from a folder goes through core.sandbox's file boundary: neither {@code ..} nor a symbolic link reaches
 * a file outside the pack, and a folder that cannot be listed says which pack and which folder.
 */
class PackFilesTest {

    @TempDir
    Path dir;

    private Path pack() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("guard-pack"));
        Files.createDirectories(pack.resolve("entities/sub"));
        Files.writeString(pack.resolve("entities/sub/guard.json"), "{}");
        Files.writeString(dir.resolve("secret.json"), "{\"secret\": true}");
        return pack;
    }

    @Test
    void dotDotAndAbsolutePathsNeverLeaveThePack() throws IOException {
        PackFiles files = PackFiles.of(pack());
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), files.read("entities/sub/guard.json", 100));
        IOException up = assertThrows(IOException.class, () -> files.read("entities/../../secret.json", 100));
        assertEquals("guard-pack: 'entities/../../secret.json' leaves guard-pack; paths are relative to it, without "
                + "'..'", up.getMessage());
        IOException absolute = assertThrows(IOException.class,
                () -> files.read(dir.resolve("secret.json").toString(), 100));
        assertTrue(absolute.getMessage().startsWith("guard-pack: '/"), absolute.getMessage());
    }

    @Test
    void aLinkOutOfThePackIsListedAndRefusedWhenRead() throws IOException {
        Path pack = pack();
        Files.createSymbolicLink(pack.resolve("entities/stolen.json"), dir.resolve("secret.json"));
        Files.createSymbolicLink(pack.resolve("entities/outside"), dir);
        Files.createSymbolicLink(pack.resolve("entities/copy.json"), pack.resolve("entities/sub/guard.json"));
        PackFiles files = PackFiles.of(pack);

        // links are not followed while listing: the linked folder's files are not the pack's
        assertEquals(List.of("entities/copy.json", "entities/outside", "entities/stolen.json",
                "entities/sub/guard.json"), files.list("entities"));
        IOException stolen = assertThrows(IOException.class, () -> files.read("entities/stolen.json", 100));
        assertEquals("guard-pack: 'entities/stolen.json' leaves guard-pack through a symbolic link; a resource "
                + "reaches only its own files", stolen.getMessage());
        assertThrows(IOException.class, () -> files.read("entities/outside/secret.json", 100));
        // a link that stays inside the pack reads its target
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), files.read("entities/copy.json", 100));
    }

    @Test
    void aPackWhoseFolderCannotBeListedSaysWhichPackAndFolder() throws IOException {
        Path gone = dir.resolve("gone-pack");
        PackFiles files = PackFiles.of(gone);
        IOException e = assertThrows(IOException.class, files::folders);
        assertEquals("gone-pack: cannot list the pack's folder " + gone + ": java.nio.file.NoSuchFileException: "
                + gone, e.getMessage());
    }

    @Test
    void aFileAboveTheLimitIsNotRead() throws IOException {
        PackFiles files = PackFiles.of(pack());
        IOException e = assertThrows(IOException.class, () -> files.read("entities/sub/guard.json", 1));
        assertEquals("entities/sub/guard.json is larger than 1 bytes", e.getMessage());
    }
}

package dev.plinth.core.sandbox.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file boundary against real symbolic links, as an attacker plants them in a resource folder. */
class FileBoundaryTest {

    @TempDir
    Path home;
    private Path resource;
    private Path elsewhere;
    private FileBoundary boundary;

    @BeforeEach
    void layOut() throws IOException {
        resource = Files.createDirectories(home.resolve("resources/r"));
        elsewhere = Files.createDirectories(home.resolve("data/server"));
        Files.writeString(elsewhere.resolve("permissions.json"), "{}");
        Files.writeString(resource.resolve("config.json"), "{}");
        Files.createDirectories(resource.resolve("map"));
        boundary = new FileBoundary("r", resource);
    }

    @Test
    void filesInsideResolveToTheirRealPaths() throws IOException {
        assertEquals(resource.toRealPath().resolve("config.json"), boundary.resolve("config.json"));
        assertEquals(resource.toRealPath().resolve("map/new.json"), boundary.resolve("map/new.json"),
                "a file not written yet");
        assertEquals(resource.toRealPath().resolve("map/a/b.json"), boundary.resolve("./map/a/b.json"));
    }

    @Test
    void aLinkToAFolderOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(resource.resolve("esc"), Path.of("../../data/server"));
        var refused = assertThrows(FileBoundaryException.class, () -> boundary.resolve("esc/permissions.json"));
        assertEquals("r: 'esc/permissions.json' leaves r through a symbolic link; a resource reaches only its own "
                + "files", refused.getMessage());
        assertThrows(FileBoundaryException.class, () -> boundary.resolve("esc/new.json"), "not even a new file");
    }

    @Test
    void aLinkToAFileOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(resource.resolve("leak.json"), elsewhere.resolve("permissions.json"));
        assertThrows(FileBoundaryException.class, () -> boundary.resolve("leak.json"));
    }

    @Test
    void aDanglingLinkIsRefused() throws IOException {
        Files.createSymbolicLink(resource.resolve("dangling.json"), home.resolve("nowhere/x.json"));
        assertThrows(FileBoundaryException.class, () -> boundary.resolve("dangling.json"));
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws IOException {
        Files.createSymbolicLink(resource.resolve("alias"), Path.of("map"));
        assertEquals(resource.toRealPath().resolve("map/x.json"), boundary.resolve("alias/x.json"));
    }

    @Test
    void theResourceFolderItselfBeingALinkIsFine() throws IOException {
        Path link = Files.createSymbolicLink(home.resolve("linked"), resource);
        assertEquals(resource.toRealPath().resolve("config.json"), new FileBoundary("r", link).resolve("config.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../data/server/permissions.json", "/etc/passwd", "map/../../x", "C:/x", "", "a\0b"})
    void pathsThatLeaveByNameAreRefused(String path) {
        assertThrows(FileBoundaryException.class, () -> boundary.resolve(path));
    }

    @Test
    void linksAreListedForTheDeployer() throws IOException {
        Files.createSymbolicLink(resource.resolve("esc"), elsewhere);
        Files.createSymbolicLink(resource.resolve("map/leak"), elsewhere.resolve("permissions.json"));
        assertEquals(List.of("esc", "map/leak"), boundary.links());
    }

    @Test
    void contentAboveTheQuotaIsRefused() {
        boundary.checkQuota("config.json", 1024, 1024);
        var refused = assertThrows(FileBoundaryException.class, () -> boundary.checkQuota("config.json", 1025, 1024));
        assertTrue(refused.getMessage().contains("config.json would hold 1025 bytes, more than the quota of 1024"),
                refused.getMessage());
    }
}

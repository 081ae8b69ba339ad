package dev.plinth.core.resource.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.testsupport.HostileFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attacker drops into resources/: each is refused with a message, read no further than its limit. */
class HostileResourcesTest {

    private static final String META = "{\"name\": \"fine\", \"version\": \"1.0.0\"}";

    @TempDir
    Path resources;

    @TempDir
    Path work;

    private BundleFactory factory() {
        return new BundleFactory(work, DeployLimits.DEFAULTS, warning -> {});
    }

    @Test
    void aSparseManifestOfThreeGigabytesIsRefusedUnread() throws IOException {
        HostileFiles.sparse(resources.resolve("sparse/meta.json"), 3L << 30);

        var e = assertThrows(ManifestException.class, () -> factory().build(folder("sparse")));

        assertEquals(ResourceErrorCode.ERR_INVALID_MANIFEST, e.code());
        assertEquals("ERR_INVALID_MANIFEST: sparse: meta.json: holds 3 GiB, more than the 1 MiB a manifest may "
                + "hold", e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aZipOfOneAndAHalfMegabytesHoldingAManifestOfOneAndAHalfGigabytesIsRefused() throws IOException {
        Path zip = HostileFiles.zip(resources.resolve("bomb.zip")).bomb("meta.json", 1536L << 20, 1536L << 20).write();
        assertTrue(Files.size(zip) < 2L << 20);

        var e = assertThrows(ManifestException.class, () -> factory().build(zip("bomb.zip")));

        assertEquals("ERR_INVALID_MANIFEST: bomb: meta.json: holds 1.5 GiB, more than the 1 MiB a manifest may "
                + "hold", e.getMessage());
    }

    @Test
    void aZippedManifestThatClaimsToBeSmallIsReadOnlyUpToTheLimit() throws IOException {
        HostileFiles.zip(resources.resolve("liar.zip")).bomb("meta.json", 1536L << 20, 60).write();

        var e = assertThrows(ManifestException.class, () -> factory().build(zip("liar.zip")));

        assertEquals("ERR_INVALID_MANIFEST: liar: meta.json: unpacks to more than the 1 MiB a manifest may hold", e.getMessage());
    }

    @Test
    void aZipWhoseFilesUnpackBeyondTheResourceLimitIsRefused() throws IOException {
        HostileFiles.zip(resources.resolve("heavy.zip")).entry("meta.json", META)
                .bomb("data.bin", 1536L << 20, 1536L << 20).write();

        var e = assertThrows(UncheckedIOException.class, () -> factory().build(zip("heavy.zip")));

        assertEquals("resources/heavy.zip holds 1.5 GiB, more than the 256 MiB allowed for a resource (framework "
                + "property plinth.resources.max.mb)", e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aZipWhoseFilesClaimLessThanTheyUnpackToIsStoppedAtTheLimit() throws IOException {
        HostileFiles.zip(resources.resolve("sly.zip")).entry("meta.json", META).bomb("data.bin", 512L << 20, 100).write();

        var e = assertThrows(UncheckedIOException.class, () -> factory().build(zip("sly.zip")));

        assertEquals("resources/sly.zip unpacks to more than the 256 MiB allowed for a resource (framework property "
                + "plinth.resources.max.mb)", e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aFolderWithASparseFileBeyondTheResourceLimitIsRefused() throws IOException {
        Files.createDirectories(resources.resolve("fat"));
        Files.writeString(resources.resolve("fat/meta.json"), META);
        HostileFiles.sparse(resources.resolve("fat/data/world.bin"), 3L << 30);

        var e = assertThrows(UncheckedIOException.class, () -> factory().build(folder("fat")));

        assertTrue(e.getMessage().startsWith("resources/fat holds 3 GiB, more than the 256 MiB allowed"), e.getMessage());
    }

    @Test
    void aFolderWithMoreFilesThanAllowedIsRefused() throws IOException {
        Files.createDirectories(resources.resolve("many"));
        Files.writeString(resources.resolve("many/meta.json"), META);
        for (int i = 0; i < 5; i++) {
            Files.writeString(resources.resolve("many/file" + i + ".txt"), "x");
        }

        var e = assertThrows(UncheckedIOException.class,
                () -> new BundleFactory(work, new DeployLimits(1L << 20, 5), warning -> {}).build(folder("many")));

        assertEquals("resources/many holds more than the 5 files allowed for a resource (framework property "
                + "plinth.resources.max.files)", e.getMessage());
    }

    @Test
    void theLimitsAreReadFromTheFrameworkProperties() {
        var limits = DeployLimits.from(name -> switch (name) {
            case DeployLimits.MAX_SIZE_PROPERTY -> "64";
            case DeployLimits.MAX_FILES_PROPERTY -> "100";
            default -> null;
        });

        assertEquals(new DeployLimits(64L << 20, 100), limits);
        assertEquals(DeployLimits.DEFAULTS, DeployLimits.from(name -> null));
        var e = assertThrows(IllegalArgumentException.class, () -> DeployLimits.from(name -> "-1"));
        assertTrue(e.getMessage().contains("plinth.resources.max.mb is '-1'"), e.getMessage());
    }

    private ResourceSource folder(String name) {
        return new ResourceSource(ResourceSource.Kind.FOLDER, resources.resolve(name), name);
    }

    private ResourceSource zip(String name) {
        return new ResourceSource(ResourceSource.Kind.ZIP, resources.resolve(name), name);
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(0, files.count(), "no bundle file, not even a partial one");
        }
    }
}

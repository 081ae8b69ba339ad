package dev.plinth.core.resource.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceScannerTest {

    @TempDir
    Path resources;

    @Test
    void foldersWithAManifestZipsJarsAndNestedCategoriesAreResources() throws IOException {
        write("chat/meta.json", "{}");
        write("[games]/race/resource.toml", "");
        write("[games]/[maps]/desert/manifest.json", "{}");
        write("[games]/mod/server/manifest.json", "{}");
        write("pack.zip", "zip");
        write("plugin.jar", "jar");
        write("notes.txt", "not a resource");
        write("stray/readme.md", "no manifest");
        write(".hidden/meta.json", "{}");

        ResourceScanner.Scan scan = ResourceScanner.scan(resources);

        assertEquals(List.of("[games]/[maps]/desert", "[games]/mod", "[games]/race", "chat", "pack.zip", "plugin.jar"),
                scan.sources().stream().map(ResourceSource::relative).toList());
        assertEquals(List.of(ResourceSource.Kind.FOLDER, ResourceSource.Kind.FOLDER, ResourceSource.Kind.FOLDER,
                ResourceSource.Kind.FOLDER, ResourceSource.Kind.ZIP, ResourceSource.Kind.JAR),
                scan.sources().stream().map(ResourceSource::kind).toList());
        assertEquals(List.of("stray"), scan.ignored());
        assertEquals("pack", scan.sources().get(4).fileName());
    }

    @Test
    void aMissingFolderHoldsNothing() {
        assertEquals(List.of(), ResourceScanner.scan(resources.resolve("none")).sources());
    }

    @Test
    void theFingerprintChangesWhenAFileChanges() throws IOException {
        write("chat/meta.json", "{}");
        var source = new ResourceSource(ResourceSource.Kind.FOLDER, resources.resolve("chat"), "chat");
        String before = ResourceScanner.fingerprint(source);

        assertEquals(before, ResourceScanner.fingerprint(source));
        write("chat/config/x.json", "{}");
        String added = ResourceScanner.fingerprint(source);
        assertNotEquals(before, added);
        Files.setLastModifiedTime(resources.resolve("chat/meta.json"), FileTime.fromMillis(0));
        assertNotEquals(added, ResourceScanner.fingerprint(source));
    }

    private void write(String relative, String content) throws IOException {
        Path file = resources.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}

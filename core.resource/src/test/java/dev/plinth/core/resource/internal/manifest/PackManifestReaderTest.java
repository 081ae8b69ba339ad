package dev.plinth.core.resource.internal.manifest;

import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.read;
import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.internal.deploy.FolderFiles;
import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class PackManifestReaderTest {

    /** Microsoft's public add-on samples, shared read-only beside the project. */
    private static final String CORPUS = "bedrock-samples";
    private static final Path SAMPLES = Corpus.path(CORPUS);

    @Test
    @RequiresCorpus(CORPUS)
    void everyManifestOfTheBedrockSamplesIsRead() throws IOException {
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            manifests = files.filter(p -> p.getFileName().toString().equals("manifest.json")).sorted().toList();
        }
        assertEquals(75, manifests.size());
        int behaviorPacks = 0;
        for (Path manifest : manifests) {
            var files = new FolderFiles(manifest.getParent());
            var d = Manifests.read(new Renamed("pack", files)).orElseThrow();
            assertEquals(ManifestFormat.PACK_MANIFEST, d.format(), manifest.toString());
            assertEquals(ResourceType.PACK, d.type());
            var details = (FormatDetails.PackManifest) d.details();
            assertFalse(details.modules().isEmpty(), manifest + " has modules");
            if (d.language() == Language.BEDROCK) {
                behaviorPacks++;
            }
        }
        assertTrue(behaviorPacks >= 30, behaviorPacks + " behavior packs");
    }

    @Test
    @RequiresCorpus(CORPUS)
    void aBehaviorPackWithScriptsAndDependenciesIsReadWhole() {
        var files = new FolderFiles(SAMPLES.resolve("debug_tools/behavior_packs/debug_tools_ingame"));
        var d = Manifests.read(new Renamed("debug_tools", files)).orElseThrow();

        assertEquals("debug_tools", d.name());
        assertEquals(Language.BEDROCK, d.language());
        assertEquals(new Version(1, 0, 0), d.version());
        assertEquals("A gallery of editor code snippets", d.description());
        assertEquals(Optional.of("scripts/main.js"), d.main());
        assertEquals(List.of(new Dependency(Dependency.Kind.PACK, "499c30a5-224d-4d44-82f6-3aae66b14217",
                new org.osgi.framework.VersionRange("[1.0.0,1.0.0]"))), d.dependencies());
        var details = (FormatDetails.PackManifest) d.details();
        assertEquals("2", details.formatVersion());
        assertEquals("Debug Tools", details.displayName());
        assertEquals("45a86633-80d8-49be-adac-9550966e3444", details.uuid());
        assertEquals(Optional.of(new Version(1, 20, 0)), details.minEngineVersion());
        assertEquals(Map.of("@minecraft/server", "1.10.0", "@minecraft/server-ui", "1.1.0"), details.scriptModules());
        assertEquals("script", details.modules().getFirst().type());
        assertEquals(Optional.of("javascript"), details.modules().getFirst().language());
    }

    @Test
    @RequiresCorpus(CORPUS)
    void stringVersionsAndMetadataAreRead() {
        var files = new FolderFiles(SAMPLES.resolve("configurable_packs/behavior_packs/configurable_pack"));
        var d = Manifests.read(new Renamed("configurable", files)).orElseThrow();

        assertEquals(new Version(1, 0, 0), d.version());
        assertEquals("pack_author", d.author());
        var details = (FormatDetails.PackManifest) d.details();
        assertEquals(Optional.of(new Version(1, 21, 110)), details.minEngineVersion());
        assertEquals("2.3.0-beta", details.scriptModules().get("@minecraft/server"));
    }

    @Test
    @RequiresCorpus(CORPUS)
    void aResourcePackIsAssetsOnly() {
        var files = new FolderFiles(SAMPLES.resolve("rtx_resource_pack"));
        var d = Manifests.read(new Renamed("rtx", files)).orElseThrow();

        assertEquals(Language.NONE, d.language());
        assertEquals(List.of("raytraced"), ((FormatDetails.PackManifest) d.details()).capabilities());
    }

    @Test
    void aBadUuidIsRefusedOnItsLine() {
        refused(MemoryFiles.named("p").with("manifest.json", """
                {
                  "format_version": 2,
                  "header": {
                    "name": "P",
                    "uuid": "not-a-uuid",
                    "version": [1, 0, 0]
                  },
                  "modules": []
                }"""), ResourceErrorCode.ERR_INVALID_MANIFEST, "manifest.json", 5, "header.uuid");
    }

    @Test
    void aVersionArrayOfStringsIsRefusedOnItsLine() {
        refused(MemoryFiles.named("p").with("manifest.json", """
                {
                  "format_version": 2,
                  "header": { "name": "P", "uuid": "3958f9a2-96e4-4db0-a907-145d065cd7f0",
                    "version": ["1", 0, 0] }
                }"""), ResourceErrorCode.ERR_INVALID_MANIFEST, "manifest.json", 4, "header.version[0]");
    }

    @Test
    void aMissingHeaderIsRefused() {
        refused(MemoryFiles.named("p").with("manifest.json", "{\"format_version\": 2, \"modules\": []}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "manifest.json", 0, "header");
    }

    /** A sample folder deployed under a valid resource name (sample folders have names like starter_Items). */
    private record Renamed(String name, FolderFiles files) implements ResourceFiles {
        @Override
        public boolean exists(String path) {
            return files.exists(path);
        }

        @Override
        public byte[] read(String path, long maxBytes) throws IOException {
            return files.read(path, maxBytes);
        }
    }
}

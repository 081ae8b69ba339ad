package dev.plinth.core.resource.internal.manifest;

import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.read;
import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.descriptor.Side;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class ModManifestReaderTest {

    private static final String MOD = """
            {
              "name": "My Mod",
              "version": "1.2.0",
              "description": "A mod",
              "entry_point": "main.js",
              "priority": -5,
              "type": "bootstrap",
              "requires": {
                "@server": "0.1.0,1.0.0",
                "@game": "1.0.0",
                "@client": "2.0.0",
                "base-mod": "1.0.0,2.0.0"
              },
              "execute_on": ["server", "client"]
            }
            """;

    @Test
    void aTypeScriptEntryPointIsJavaScriptThatTheHostCompiles() {
        var d = read(MemoryFiles.named("ts-mod").with("manifest.json", MOD.replace("main.js", "src/main.ts"))
                .with("src/main.ts", ""));

        assertEquals(Language.JS, d.language());
        assertEquals(Optional.of("src/main.ts"), d.main());
        assertEquals(List.of("src/main.ts"), d.serverScripts());
    }

    @Test
    void theRootManifestIsReadWithTheFolderAsModId() {
        var d = read(MemoryFiles.named("my-mod").with("manifest.json", MOD).with("main.js", ""));

        assertEquals("my-mod", d.name());
        assertEquals(ManifestFormat.MOD_MANIFEST, d.format());
        assertEquals(ResourceType.MOD, d.type());
        assertEquals(Language.JS, d.language());
        assertEquals(new Version(1, 2, 0), d.version());
        assertEquals(Optional.of("main.js"), d.main());
        assertEquals(List.of(
                new Dependency(Dependency.Kind.SERVER, "@server", new VersionRange("[0.1.0,1.0.0]")),
                new Dependency(Dependency.Kind.GAME, "@game", new VersionRange("[1.0.0,1.0.0]")),
                new Dependency(Dependency.Kind.CLIENT, "@client", new VersionRange("[2.0.0,2.0.0]")),
                Dependency.on("base-mod", new VersionRange("[1.0.0,2.0.0]"))), d.dependencies());
        assertEquals(new FormatDetails.ModManifest("My Mod", -5, "bootstrap", Set.of(Side.SERVER, Side.CLIENT),
                Optional.empty()), d.details());
    }

    @Test
    void theModTypeMatchesCaseInsensitively() {
        var d = read(MemoryFiles.named("my-mod").with("manifest.json", MOD.replace("\"bootstrap\"", "\"Bootstrap\""))
                .with("main.js", ""));

        assertEquals("bootstrap", ((FormatDetails.ModManifest) d.details()).modType());
    }

    @Test
    void theServerManifestOverridesTheRootOne() {
        var d = read(MemoryFiles.named("my-mod")
                .with("manifest.json", MOD)
                .with("main.js", "")
                .with("server/manifest.json", "{\"name\": \"My Mod (server)\", \"version\": \"1.2.1\", \"entry_point\": \"index.js\"}")
                .with("server/index.js", ""));

        assertEquals("server/manifest.json", d.manifestPath());
        assertEquals(new Version(1, 2, 1), d.version());
        assertEquals(Optional.of("server/index.js"), d.main());
        assertEquals(List.of(), d.dependencies());
        assertEquals(new FormatDetails.ModManifest("My Mod (server)", 0, "library", Set.of(Side.SERVER),
                Optional.of("server")), d.details());
    }

    @Test
    void withoutEntryPointTheModIsAssetsOnly() {
        var d = read(MemoryFiles.named("textures").with("manifest.json", "{\"name\": \"Textures\", \"version\": \"1.0.0\"}"));

        assertEquals(Language.NONE, d.language());
    }

    @Test
    void aClientOnlyModRunsNothingOnTheServer() {
        var d = read(MemoryFiles.named("hud").with("manifest.json",
                "{\"name\": \"HUD\", \"entry_point\": \"hud.js\", \"execute_on\": \"client\"}").with("hud.js", ""));

        assertEquals(Language.NONE, d.language());
        assertEquals(Optional.empty(), d.main());
    }

    @Test
    void anUnknownModTypeIsRefusedOnItsLine() {
        refused(MemoryFiles.named("m").with("manifest.json", "{\n\"name\": \"M\",\n\"type\": \"plugin\"\n}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "manifest.json", 3, "type");
    }

    @Test
    void aBadRequiresRangeIsRefusedOnItsLine() {
        refused(MemoryFiles.named("m").with("server/manifest.json", "{\n\"name\": \"M\",\n\"requires\": {\n\"base\": \"2.0.0,1.0.0\"\n}}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "server/manifest.json", 4, "requires.base");
    }

    @Test
    void anInvalidModIdInRequiresIsRefused() {
        refused(MemoryFiles.named("m").with("manifest.json", "{\"name\": \"M\",\n\"requires\": {\"bad mod\": \"1.0.0\"}}"),
                ResourceErrorCode.ERR_INVALID_NAME, "manifest.json", 2, "requires.bad mod");
    }

    @Test
    void aMissingEntryPointFileIsRefused() {
        refused(MemoryFiles.named("m").with("manifest.json", "{\"name\": \"M\",\n\"entry_point\": \"main.js\"}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "manifest.json", 2, "entry_point");
    }

    @Test
    void anUnknownSideIsRefused() {
        refused(MemoryFiles.named("m").with("manifest.json", "{\"name\": \"M\",\n\"execute_on\": [\"server\",\n \"web\"]}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "manifest.json", 3, "execute_on[1]");
    }
}

package dev.plinth.core.resource.internal.manifest;

import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.read;
import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.AssetFile;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.descriptor.ScriptFile;
import dev.plinth.core.resource.descriptor.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class MetaJsonReaderTest {

    private static final String EXAMPLE = """
            {
              "name": "example-resource",
              "resourceType": "script",
              "author": "MTADM",
              "version": "1.0.0",
              "description": "Example resource",
              "minClientVersion": "0.1.0",
              "minServerVersion": "0.1.0",
              "dependencies": [],
              "scripts": [
                { "path": "client.lua", "type": "client", "cache": true },
                { "path": "shared.lua", "type": "shared", "noCache": true }
              ],
              "assets": [
                { "path": "textures/logo.png", "type": "asset", "cache": true },
                { "path": "ui/hud.tscn", "type": "ui" },
                { "path": "theme/default.tres", "type": "theme" },
                { "path": "config/data.json", "type": "config", "cache": false }
              ]
            }
            """;

    @Test
    void theMtadmExampleIsReadWithEveryField() {
        var d = read(MemoryFiles.named("folder").with("meta.json", EXAMPLE).with("shared.lua", ""));

        assertEquals("example-resource", d.name());
        assertEquals(ResourceType.SCRIPT, d.type());
        assertEquals(Language.LUA, d.language());
        assertEquals("MTADM", d.author());
        assertEquals(new Version(1, 0, 0), d.version());
        assertEquals("Example resource", d.description());
        assertEquals(List.of(new ScriptFile("client.lua", Side.CLIENT, true), new ScriptFile("shared.lua", Side.SHARED, false)),
                d.scripts());
        assertEquals(List.of("shared.lua"), d.serverScripts());
        assertEquals(new AssetFile("config/data.json", "config", false), d.assets().get(3));
        assertEquals(new AssetFile("ui/hud.tscn", "ui", true), d.assets().get(1));
        assertEquals(List.of("client.lua", "shared.lua", "textures/logo.png", "ui/hud.tscn", "theme/default.tres",
                "config/data.json"), d.files());
        assertEquals(List.of(new Dependency(Dependency.Kind.SERVER, "@server", new VersionRange("0.1.0")),
                new Dependency(Dependency.Kind.CLIENT, "@client", new VersionRange("0.1.0"))), d.dependencies());
        assertEquals(new FormatDetails.MetaJson(Optional.of("0.1.0"), Optional.of("0.1.0")), d.details());
    }

    @Test
    void aMapWithOnlyAssetsNeedsNoHost() {
        var d = read(MemoryFiles.named("m").with("meta.json", """
                {"name": "testmap1", "resourceType": "map", "assets": [{"path": "map/map.json", "type": "config"}],
                 "dependencies": ["core"]}"""));

        assertEquals(ResourceType.MAP, d.type());
        assertEquals(Language.NONE, d.language());
        assertEquals(List.of(Dependency.on("core", Dependency.ANY)), d.dependencies());
    }

    @Test
    void anUnknownOrMissingResourceTypeBecomesScript() {
        assertEquals(ResourceType.SCRIPT, read(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\", \"resourceType\": \"vehicle\"}")).type());
        assertEquals(ResourceType.SCRIPT, read(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\"}")).type());
        assertEquals(ResourceType.GAMEMODE, read(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\", \"resourceType\": \"gamemode\"}")).type());
    }

    @Test
    void aMissingNameIsRefused() {
        refused(MemoryFiles.named("m").with("meta.json", "{\n  \"author\": \"me\"\n}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 0, "name");
    }

    @Test
    void anInvalidNameIsRefusedOnItsLine() {
        refused(MemoryFiles.named("m").with("meta.json", "{\n  \"author\": \"me\",\n  \"name\": \"chat demo\"\n}"),
                ResourceErrorCode.ERR_INVALID_NAME, "meta.json", 3, "name");
    }

    @Test
    void aNameTooLongIsRefusedOnItsLine() {
        refused(MemoryFiles.named("m").with("meta.json", "{\n\n  \"name\": \"" + "x".repeat(100) + "\"\n}"),
                ResourceErrorCode.ERR_NAME_TOO_LONG, "meta.json", 3, "name");
    }

    @Test
    void aScriptOfUnknownTypeIsRefusedOnItsLine() {
        refused(MemoryFiles.named("m").with("meta.json", """
                {
                  "name": "a",
                  "scripts": [
                    { "path": "a.lua", "type": "server" },
                    { "path": "b.lua",
                      "type": "everywhere" }
                  ]
                }""").with("a.lua", "").with("b.lua", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 6, "scripts[1].type");
    }

    @Test
    void aMissingServerScriptIsRefused() {
        refused(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\",\n\"scripts\": [{\"path\": \"server.lua\", \"type\": \"server\"}]}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 2, "scripts[0].path");
    }

    @Test
    void serverScriptsInTwoLanguagesAreRefused() {
        refused(MemoryFiles.named("m").with("meta.json", """
                {"name": "a", "scripts": [
                  {"path": "a.lua", "type": "server"},
                  {"path": "b.js", "type": "shared"}]}""").with("a.lua", "").with("b.js", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 3, "scripts[1].path");
    }

    @Test
    void aDependencyThatIsNotAStringIsRefused() {
        refused(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\",\n \"dependencies\": [\n \"core\",\n 12]}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 4, "dependencies[1]");
    }

    @Test
    void fiftyOneDependenciesAreTooMany() {
        var deps = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            deps.append(i == 0 ? "" : ", ").append("\"d").append(i).append('"');
        }
        refused(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\",\n\"dependencies\": [" + deps + "]}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 2, "dependencies");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        var e = refused(MemoryFiles.named("m").with("meta.json", "{\n  \"name\": \"a\"\n  \"author\": \"b\"\n}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 3, "");
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anUnclosedOrMismatchedArraySaysTheLineItOpenedAtWithoutQuotingTheFile() {
        var unclosed = refused(MemoryFiles.named("m").with("meta.json",
                "{\n \"name\": \"a\",\n \"scripts\": [ {\"src\": \"a.js\", \"type\": \"server\"}\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 4, "");
        assertTrue(unclosed.getMessage().endsWith("meta.json line 4: not valid JSON: Unexpected end-of-input: expected "
                + "close marker for Array (start marker at line 3)"), unclosed.getMessage());
        var mismatched = refused(MemoryFiles.named("m").with("meta.json", "{\n \"name\": \"a\",\n \"scripts\": [\n}"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 4, "");
        assertTrue(mismatched.getMessage().endsWith("meta.json line 4: not valid JSON: Unexpected close marker '}': "
                + "expected ']' (for Array starting at line 3)"), mismatched.getMessage());
    }

    @Test
    void commentsAndTrailingCommasAreAccepted() {
        var d = read(MemoryFiles.named("m").with("meta.json", "// the manifest\r\n{\"name\": \"a\", /* x */ \"dependencies\": [\"b\",],}"));

        assertEquals(1, d.dependencies().size());
    }

    @Test
    void twoManifestsInOneResourceAreRefused() {
        var e = refused(MemoryFiles.named("m").with("meta.json", "{\"name\": \"a\"}").with("plugin.toml", "[plugin]\nname=\"a\""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "meta.json", 0, "");
        assertTrue(e.getMessage().contains("both plugin.toml and meta.json"), e.getMessage());
    }
}

package dev.plinth.core.resource.internal.manifest;

import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.read;
import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.refused;
import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceTomlReaderTest {

    @Test
    void theAltVPluginExampleIsReadWithTheFolderAsName() {
        var d = read(MemoryFiles.named("example-ts")
                .with("resource.toml", """
                        type = "js"
                        main = "server/index.js"
                        client-main = "client/index.js"
                        client-files = ["client/*"]
                        deps = ["core"]
                        """)
                .with("server/index.js", "")
                .with("client/index.js", ""));

        assertEquals("example-ts", d.name());
        assertEquals(ManifestFormat.RESOURCE_TOML, d.format());
        assertEquals(ResourceType.SCRIPT, d.type());
        assertEquals(Language.JS, d.language());
        assertEquals(Optional.of("server/index.js"), d.main());
        assertEquals(List.of("client/index.js", "client/*"), d.clientFiles());
        assertEquals(List.of(Dependency.on("core", Dependency.ANY)), d.dependencies());
        assertEquals(new FormatDetails.ResourceToml("js", Optional.of("client/index.js")), d.details());
    }

    @Test
    void aKeyPlinthDoesNotReadIsNamedWithItsLineAndTheKeyMeant() {
        var files = MemoryFiles.named("hud")
                .with("resource.toml", """
                        type = "js"
                        main = "server/index.js"
                        client_main = "client/index.js"
                        required-permissions = ["Screen Capture"]
                        """)
                .with("server/index.js", "");

        assertEquals(List.of(
                "hud: resource.toml line 3, field 'client_main': is not a key Plinth reads, so it is ignored "
                        + "(did you mean 'client-main'?)",
                "hud: resource.toml line 4, field 'required-permissions': is not a key Plinth reads, so it is ignored"),
                warnings(files));
        assertEquals(List.of(), read(files).clientFiles());
        assertEquals(List.of(), warnings(MemoryFiles.named("example-ts").with("resource.toml", """
                type = "js"
                main = "server/index.js"
                client-main = "client/index.js"
                client-files = ["client/*"]
                deps = ["core"]
                version = "1.0.0"
                author = "me"
                description = "the seed's plugin"
                """).with("server/index.js", "").with("client/index.js", "")));
    }

    @Test
    void anAssetPackNeedsNoMainAndNoHost() {
        var d = read(MemoryFiles.named("textures").with("resource.toml", "type = \"asset-pack\"\n"));

        assertEquals(Language.NONE, d.language());
        assertEquals(Optional.empty(), d.main());
        assertTrue(d.language().extender().isEmpty());
    }

    @Test
    void luaTypeRunsOnTheLuaHost() {
        var d = read(MemoryFiles.named("greeter").with("resource.toml", "type = \"lua\"\nmain = \"main.lua\"\n")
                .with("main.lua", ""));

        assertEquals(Optional.of("plinth.lua"), d.language().extender());
    }

    @Test
    void anUnknownTypeIsRefusedOnItsLine() {
        refused(MemoryFiles.named("x").with("resource.toml", "# a resource\n\ntype = \"csharp\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "resource.toml", 3, "type");
    }

    @Test
    void aMissingMainFileIsRefused() {
        var e = refused(MemoryFiles.named("x").with("resource.toml", "type = \"js\"\nmain = \"server/index.js\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "resource.toml", 2, "main");
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aDependencyWithAnInvalidNameIsRefusedOnItsLine() {
        refused(MemoryFiles.named("x").with("resource.toml", "type = \"asset-pack\"\ndeps = [\n  \"core\",\n  \"bad name\",\n]\n"),
                ResourceErrorCode.ERR_INVALID_NAME, "resource.toml", 2, "deps[1]");
    }

    @Test
    void aFolderNameThatIsNotAResourceNameIsRefused() {
        var e = refused(MemoryFiles.named("my resource").with("resource.toml", "type = \"asset-pack\"\n"),
                ResourceErrorCode.ERR_INVALID_NAME, "resource.toml", 0, "");
        assertTrue(e.getMessage().contains("the folder name is the resource name"), e.getMessage());
    }

    @Test
    void aTooLongFolderNameIsRefused() {
        refused(MemoryFiles.named("r".repeat(65)).with("resource.toml", "type = \"asset-pack\"\n"),
                ResourceErrorCode.ERR_NAME_TOO_LONG, "resource.toml", 0, "");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        var e = refused(MemoryFiles.named("x").with("resource.toml", "type = \"js\"\nmain = \n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "resource.toml", 2, "");
        assertTrue(e.getMessage().contains("not valid TOML"), e.getMessage());
    }

    @Test
    void anUnclosedArrayIsToldByTheFileAndLineOnly() {
        var e = refused(MemoryFiles.named("x").with("resource.toml", "type = \"js\"\ndeps = [\"a\"\nmain = \"m.js\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "resource.toml", 3, "");
        assertTrue(e.getMessage().endsWith("resource.toml line 3: not valid TOML: More data after value has already "
                + "ended. Invalid value preceding this position?"), e.getMessage());
    }

    @Test
    void aPathLeavingTheResourceIsRefused() {
        refused(MemoryFiles.named("x").with("resource.toml", "type = \"js\"\nmain = \"../other/index.js\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "resource.toml", 2, "main");
    }

    @Test
    void fiftyOneDependenciesAreTooMany() {
        var deps = new StringBuilder("type = \"asset-pack\"\ndeps = [");
        for (int i = 0; i < 51; i++) {
            deps.append("\"d").append(i).append("\", ");
        }
        var e = refused(MemoryFiles.named("x").with("resource.toml", deps + "]\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "resource.toml", 2, "deps");
        assertTrue(e.getMessage().contains("51 dependencies, at most 50"), e.getMessage());
    }
}

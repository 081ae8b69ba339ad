package dev.plinth.core.resource.internal.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.FolderFiles;
import dev.plinth.core.resource.internal.manifest.Manifests;
import dev.plinth.core.resource.payload.ClientMod;
import dev.plinth.core.resource.payload.PayloadException;
import dev.plinth.core.resource.payload.PayloadFile.Kind;
import dev.plinth.core.resource.internal.payload.PayloadPlan.Planned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a resource clients receive, for each manifest format. */
class PayloadPlanTest {

    @TempDir
    Path root;

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path folder = root.resolve(name);
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return folder;
    }

    private static PayloadPlan plan(Path folder) {
        ResourceDescriptor descriptor = Manifests.read(new FolderFiles(folder)).orElseThrow();
        return PayloadPlan.of(descriptor, folder);
    }

    @Test
    void metaJsonSendsClientAndSharedScriptsAndEveryAssetNeverServerScripts() throws IOException {
        Path folder = folder("hud", Map.of("meta.json", """
                {"name": "hud", "scripts": [
                  {"path": "client.lua", "type": "client", "cache": true},
                  {"path": "server.lua", "type": "server"},
                  {"path": "shared.lua", "type": "shared", "noCache": true}],
                 "assets": [
                  {"path": "textures/logo.png", "type": "asset"},
                  {"path": "config/data.json", "type": "config", "cache": false}]}
                """, "client.lua", "", "server.lua", "", "shared.lua", "", "textures/logo.png", "png",
                "config/data.json", "{}"));

        PayloadPlan plan = plan(folder);

        assertEquals(Map.of("client.lua", new Planned(true, Kind.SCRIPT), "shared.lua", new Planned(false, Kind.SCRIPT),
                "textures/logo.png", new Planned(true, Kind.ASSET), "config/data.json", new Planned(false, Kind.ASSET)),
                plan.files());
        assertEquals(List.of("client.lua", "shared.lua"), plan.scripts());
    }

    @Test
    void resourceTomlSendsClientMainAndWhatClientFilesMatchBelowTheFolder() throws IOException {
        Path folder = folder("core", Map.of("resource.toml", """
                type = "lua"
                main = "server/index.lua"
                client-main = "client/index.lua"
                client-files = ["client/*", "textures/*.png"]
                """, "server/index.lua", "", "client/index.lua", "", "client/ui/hud.lua", "",
                "textures/a.png", "", "textures/deep/b.png", "", "textures/readme.txt", ""));

        PayloadPlan plan = plan(folder);

        assertEquals(List.of("client/index.lua", "client/ui/hud.lua", "textures/a.png"),
                List.copyOf(plan.files().keySet()));
        assertEquals(new Planned(true, Kind.SCRIPT), plan.files().get("client/index.lua"));
        assertEquals(List.of("client/index.lua"), plan.scripts());
    }

    @Test
    void aStaminalModSendsItsClientSideWithItsClientManifestNeverItsServerFolder() throws IOException {
        Path folder = folder("mods-manager", Map.of(
                "server/manifest.json", """
                        {"name": "mods-manager", "version": "0.1.0", "entry_point": "index.lua", "execute_on": "server",
                         "type": "bootstrap"}""",
                "server/index.lua", "secret",
                "client/manifest.json", """
                        {"name": "Mods", "version": "0.1.0", "entry_point": "index.lua", "execute_on": "client",
                         "priority": 3, "type": "bootstrap", "requires": {"@client": "0.1.0", "js-helper": "0.1.0,1.0.0"}}""",
                "client/index.lua", "", "client/locale/en-US/main.ftl", "hello = Hello", ".hidden", ""));

        PayloadPlan plan = plan(folder);

        assertEquals(List.of("client/index.lua", "client/locale/en-US/main.ftl", "client/manifest.json"),
                List.copyOf(plan.files().keySet()));
        assertEquals(Optional.of(new ClientMod("client/manifest.json", "Mods", "bootstrap", 3,
                Optional.of("client/index.lua"), Map.of("@client", "0.1.0", "js-helper", "0.1.0,1.0.0"))), plan.mod());
    }

    @Test
    void aServerOnlyModSendsNothing() throws IOException {
        Path folder = folder("admin", Map.of("manifest.json", """
                {"name": "admin", "version": "1.0.0", "entry_point": "main.lua", "execute_on": "server"}""",
                "main.lua", ""));

        assertEquals(PayloadPlan.NONE, plan(folder));
    }

    @Test
    void aResourcePackSendsEverythingABehaviorPackNothing() throws IOException {
        Path pack = folder("starter", Map.of("manifest.json", """
                {"format_version": 2, "header": {"name": "p", "uuid": "5b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e01",
                 "version": [1, 0, 0]}, "modules": [{"type": "resources",
                 "uuid": "c3a4f7a2-5b7e-4f0e-8d1b-2b6f4e9a0c12", "version": [1, 0, 0]}]}""",
                "textures/blocks/x.png", ""));
        Path behavior = folder("rules", Map.of("manifest.json", """
                {"format_version": 2, "header": {"name": "p", "uuid": "6b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e01",
                 "version": [1, 0, 0]}, "modules": [{"type": "data",
                 "uuid": "d3a4f7a2-5b7e-4f0e-8d1b-2b6f4e9a0c12", "version": [1, 0, 0]}]}""",
                "entities/x.json", "{}"));

        assertEquals(List.of("manifest.json", "textures/blocks/x.png"), List.copyOf(plan(pack).files().keySet()));
        assertEquals(PayloadPlan.NONE, plan(behavior));
    }

    @Test
    void aPluginTomlSendsNothing() throws IOException {
        Path folder = folder("chat", Map.of("plugin.toml", "[plugin]\nname = \"chat\"\nversion = \"1.0.0\"\n"));

        assertTrue(plan(folder).files().isEmpty());
    }

    @Test
    void aMalformedPatternIsRefusedWithTheField() throws IOException {
        Path folder = folder("bad", Map.of("resource.toml", """
                type = "asset-pack"
                client-files = ["textures/[a-"]
                """));

        var failure = assertThrows(PayloadException.class, () -> plan(folder));

        assertTrue(failure.getMessage().contains("client-files"), failure.getMessage());
    }
}

package dev.plinth.core.resource.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.FolderFiles;
import dev.plinth.core.resource.internal.manifest.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server runs of a resource, per manifest format: everything but client files and declared assets. */
class ServerFilesTest {

    @TempDir
    Path folder;

    private ServerFiles of(Map<String, String> files) throws IOException {
        return ServerFiles.of(descriptor(files));
    }

    private ResourceDescriptor descriptor(Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return Manifests.read(new FolderFiles(folder)).orElseThrow();
    }

    @Test
    void altVClientMainAndClientFilesAreTheClients() throws IOException {
        var files = of(Map.of("resource.toml", """
                type = "js"
                main = "server/index.js"
                client-main = "client/index.js"
                client-files = ["client/*"]
                """, "server/index.js", "", "client/index.js", ""));

        assertTrue(files.serves("resource.toml"));
        assertTrue(files.serves("server/index.js"));
        assertTrue(files.serves("shared/util.js"), "a module the server may load");
        assertFalse(files.serves("client/index.js"));
        assertFalse(files.serves("client/ui/hud.js"), "client/* is the whole client folder");
        assertEquals(List.of("server/index.js"), files.served(List.of("client/index.js", "server/index.js")));
    }

    @Test
    void sharedCodeTheServerLoadedUnderAClientPatternIsTheServers() throws IOException {
        var descriptor = descriptor(Map.of("resource.toml",
                "type = \"js\"\nmain = \"server/main.js\"\nclient-files = [\"shared/*\"]\n",
                "server/main.js", "import { x } from '../shared/util.js';", "shared/util.js", "", "shared/hud.js", ""));

        var files = ServerFiles.of(descriptor, Set.of("server/main.js", "shared/util.js"));

        assertEquals(List.of("shared/util.js"), files.served(List.of("shared/util.js", "shared/hud.js")),
                "the server imported shared/util.js; shared/hud.js is only the clients'");
        assertEquals(List.of(), ServerFiles.of(descriptor).served(List.of("shared/util.js")),
                "what the server never loaded stays the clients'");
    }

    @Test
    void anEditUnderADotSlashPatternIsIgnoredAsOneUnderDirStar() throws IOException {
        var files = of(Map.of("resource.toml", """
                type = "js"
                main = "server/index.js"
                client-files = ["./ui/", "forms/*"]
                """, "server/index.js", "", "ui/menu.js", "", "forms/login.js", ""));

        assertEquals(List.of(), files.served(List.of("forms/login.js", "forms/deep/view.js")));
        assertEquals(List.of(), files.served(List.of("ui/menu.js", "ui/widgets/button.js")),
                "./ui/ is the folder ui/ as forms/* is forms/");
        assertEquals(List.of("server/index.js", "shared/util.js"),
                files.served(List.of("ui/menu.js", "server/index.js", "shared/util.js")));
    }

    @Test
    void metaJsonClientScriptsAndAssetsAreNotRun() throws IOException {
        var files = of(Map.of("meta.json", """
                {"name": "race", "scripts": [{"path": "server.lua", "type": "server"},
                  {"path": "hud.lua", "type": "client"}, {"path": "shared.lua", "type": "shared"}],
                 "assets": [{"path": "map/map.json", "type": "config"}]}
                """, "server.lua", "", "hud.lua", "", "shared.lua", "", "map/map.json", "{}"));

        assertTrue(files.serves("server.lua"));
        assertTrue(files.serves("shared.lua"));
        assertFalse(files.serves("hud.lua"));
        assertFalse(files.serves("map/map.json"), "a config asset the server writes itself");
        assertTrue(files.serves("meta.json"));
    }

    @Test
    void aStaminalModsClientSideIsTheClients() throws IOException {
        var files = of(Map.of("server/manifest.json", """
                {"name": "HUD", "version": "1.0.0", "entry_point": "main.js"}
                """, "client/manifest.json", "{\"name\": \"HUD\", \"version\": \"1.0.0\"}",
                "server/main.js", "", "client/main.js", ""));

        assertTrue(files.serves("server/main.js"));
        assertTrue(files.serves("server/manifest.json"));
        assertFalse(files.serves("client/main.js"));
        assertFalse(files.serves("client/manifest.json"));
    }

    @Test
    void theChangesBetweenTwoSnapshotsAreAddedRemovedAndWrittenFiles() {
        var before = Map.of("a.lua", "1|10", "b.lua", "1|10", "c.lua", "1|10");
        var after = Map.of("a.lua", "1|10", "b.lua", "2|11", "d.lua", "1|12");

        assertEquals(List.of("b.lua", "c.lua", "d.lua"), FileChanges.between(before, after));
        assertEquals(List.of(), FileChanges.between(before, before));
    }
}

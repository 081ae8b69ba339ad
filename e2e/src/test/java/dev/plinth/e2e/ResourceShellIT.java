package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resources as a server owner deploys them: one in each manifest format written into the home's {@code resources/}
 * before the start, the {@code resource:*} commands, the startup resources, and a restart whose new content fails
 * and is rolled back.
 */
class ResourceShellIT {

    @TempDir
    Path home;

    @BeforeEach
    void writeResources() throws IOException {
        write("conf/server.json", """
                { "StartupResources": ["chat-demo", "e2e-map"], "AdminResources": [] }
                """);
        write("resources/[demo]/core/resource.toml", "type = \"asset-pack\"\nversion = \"1.0.0\"\n");
        write("resources/[demo]/chat-demo/plugin.toml", """
                [plugin]
                name = "chat-demo"
                version = "1.0.0"
                author = "e2e"

                [dependencies]
                core = "[1.0,2.0)"
                """);
        write("resources/e2e-map/meta.json", """
                {"name": "e2e-map", "resourceType": "map", "version": "0.1.0", "dependencies": ["core"],
                 "assets": [{"path": "map/map.json", "type": "config"}]}
                """);
        write("resources/e2e-map/map/map.json", "{\"formatVersion\": 1}");
        write("resources/e2e-mod/manifest.json", "{\"name\": \"Mod\", \"version\": \"1.0.0\"}");
        write("resources/e2e-mod/server/manifest.json", "{\"name\": \"Mod\", \"version\": \"1.0.1\", \"requires\": {\"core\": \"1.0.0\"}}");
        write("resources/e2e-pack/manifest.json", """
                {"format_version": 2,
                 "header": {"name": "Pack", "uuid": "5b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e02", "version": [1, 2, 0]},
                 "modules": [{"type": "resources", "uuid": "c3a4f7a2-5b7e-4f0e-8d1b-2b6f4e9a0c13", "version": [1, 2, 0]}]}
                """);
        Files.createDirectories(home.resolve("resources"));
        try (OutputStream out = Files.newOutputStream(home.resolve("resources/e2e-zip.zip"));
                var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("e2e-zip/meta.json"));
            zip.write("{\"name\": \"e2e-zip\", \"version\": \"3.0.0\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        write("resources/e2e-broken/meta.json", "{\n  \"name\": \"e2e broken\"\n}\n");
    }

    @Test
    void everyManifestFormatIsDeployedAndTheStartupResourcesStart() throws Exception {
        var run = PlinthInstance.at(home).script("resource:list", "resource:info chat-demo", "resource:deps chat-demo",
                "resource:why e2e-broken", "resource:why e2e-mod", "resource:start e2e-mod", "resource:stop core",
                "resource:start nothing-here", "resource:stop server");

        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.lines();
        for (String row : List.of("chat-demo\\s+plugin\\s+none\\s+1\\.0\\.0\\s+started",
                "core\\s+script\\s+none\\s+1\\.0\\.0\\s+started",
                "e2e-map\\s+map\\s+none\\s+0\\.1\\.0\\s+started",
                "e2e-mod\\s+mod\\s+none\\s+1\\.0\\.1\\s+loaded",
                "e2e-pack\\s+pack\\s+none\\s+1\\.2\\.0\\s+loaded",
                "e2e-zip\\s+script\\s+none\\s+3\\.0\\.0\\s+loaded",
                "e2e-broken\\s+script\\s+none\\s+0\\.0\\.0\\s+error")) {
            assertTrue(lines.stream().anyMatch(l -> l.matches(row)), row + " in:\n" + run.output());
        }
        assertTrue(lines.contains("source        resources/[demo]/chat-demo"), run.output());
        assertTrue(lines.contains("dependencies  core [1.0.0,2.0.0)"), run.output());
        assertTrue(run.output().contains("chat-demo 1.0.0 (started)\n└─ core [1.0.0,2.0.0): core 1.0.0 (started)\n"
                + "needed by: nothing"), run.output());
        assertTrue(run.output().contains("ERR_INVALID_NAME: e2e-broken: meta.json line 2, field 'name': 'e2e broken' "
                + "is not a valid name"), run.output());
        assertTrue(run.output().contains("e2e-mod is loaded and ready to start; it is not in StartupResources: "
                + "resource:start e2e-mod starts it"), run.output());
        assertTrue(lines.contains("Started e2e-mod."), run.output());
        assertTrue(lines.contains("Stopped core (after its dependents: chat-demo, e2e-map, e2e-mod)."), run.output());
        assertTrue(lines.contains("ERROR: ERR_NOT_FOUND: no resource named nothing-here is deployed (resource:list "
                + "shows those that are)"), run.output());
        assertTrue(run.output().contains("ERROR: ERR_SYSTEM_RESOURCE: server is a system resource"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
    }

    @Test
    void aRestartWhoseNewContentFailsRollsBackAndAGoodOneIsApplied() throws Exception {
        var instance = PlinthInstance.at(home);
        Process process = instance.start();
        try (OutputStream stdin = process.getOutputStream()) {
            PlinthInstance.send(process, "resource:info chat-demo");
            instance.awaitOutput("dependents    -");

            write("resources/[demo]/chat-demo/plugin.toml", """
                    [plugin]
                    name = "chat-demo"
                    version = "2.0.0"

                    [dependencies]
                    core = "[1.0,2.0)"
                    moderation = ">=1.0"
                    """);
            PlinthInstance.send(process, "resource:restart chat-demo");
            instance.awaitOutput("ERR_RESTART_ROLLBACK_APPLIED");
            PlinthInstance.send(process, "resource:info chat-demo");

            write("resources/[demo]/chat-demo/plugin.toml", """
                    [plugin]
                    name = "chat-demo"
                    version = "1.1.0"

                    [dependencies]
                    core = "[1.0,2.0)"
                    """);
            PlinthInstance.send(process, "resource:restart chat-demo");
            PlinthInstance.send(process, "resource:list");
        }
        assertTrue(process.waitFor(PlinthInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the instance exits");
        String output = Files.readString(instance.consoleLog());

        assertTrue(output.contains("ERROR: ERR_RESTART_ROLLBACK_APPLIED: chat-demo: the new content failed to start "
                + "(ERR_DEPENDENCY_MISSING: chat-demo needs moderation >=1.0.0, none installed); the previous content "
                + "(version 1.0.0) was put back and started again"), output);
        String afterRollback = output.substring(output.indexOf("ERR_RESTART_ROLLBACK_APPLIED"));
        assertTrue(afterRollback.contains("version       1.0.0"), output);
        assertTrue(afterRollback.contains("state         started"), output);
        assertTrue(output.contains("Restarted chat-demo 1.1.0 with its new content."), output);
        assertTrue(output.lines().anyMatch(l -> l.matches("chat-demo\\s+plugin\\s+none\\s+1\\.1\\.0\\s+started")), output);
    }

    private void write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }


}

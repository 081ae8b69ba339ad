package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The file boundary of a resource with real symbolic links, as an attacker plants them in its folder: the deployer
 * refuses a folder that holds links; config assets are read and written by their real paths, within a size quota,
 * and never the manifest or the code; and what a resource writes into its own folder does not restart it.
 */
class ResourceFilesTest {

    private static final String META = "{\"name\": \"%s\", \"resourceType\": \"map\", \"assets\": [%s]}";

    private final ResourceHome home = new ResourceHome();
    private final Path outside = home.root.resolve("data/ac-outside");

    @AfterEach
    void cleanUp() throws IOException {
        ResourceHome.delete(outside);
        home.close();
    }

    private static String assets(String... paths) {
        return String.join(", ", java.util.Arrays.stream(paths)
                .map(p -> "{\"path\": \"" + p + "\", \"type\": \"config\"}").toList());
    }

    private static ResourceException assertCode(ResourceErrorCode code, Executable call) {
        var thrown = assertThrows(ResourceException.class, call);
        assertEquals(code, thrown.code(), thrown.getMessage());
        return thrown;
    }

    @Test
    void aFolderHoldingSymbolicLinksIsNotDeployed() throws IOException {
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("permissions.json"), "{\"operators\": []}");
        Path folder = home.folder("ac-linked", Map.of("meta.json", META.formatted("ac-linked",
                assets("esc/permissions.json"))));
        Files.createSymbolicLink(folder.resolve("esc"), outside);

        var listed = home.awaitState("ac-linked", ResourceState.ERROR);
        assertTrue(listed.lastError().orElseThrow().contains("it holds symbolic links (esc): a resource's files must "
                + "be in its folder"), listed.lastError().orElseThrow());
    }

    @Test
    void configAssetsNeverLeaveTheResourceThroughALinkPlantedLater() throws IOException {
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("permissions.json"), "{\"operators\": []}");
        Path folder = home.folder("ac-late", Map.of("meta.json", META.formatted("ac-late",
                        assets("esc/permissions.json", "leak.json")),
                "esc/permissions.json", "{}", "leak.json", "{}"));
        home.awaitListed("ac-late");
        Files.delete(folder.resolve("esc/permissions.json"));
        Files.delete(folder.resolve("esc"));
        Files.createSymbolicLink(folder.resolve("esc"), outside);
        Files.delete(folder.resolve("leak.json"));
        Files.createSymbolicLink(folder.resolve("leak.json"), outside.resolve("permissions.json"));

        var written = assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED, () -> home.service.writeConfigAsset("ac-late",
                "esc/permissions.json", Map.of("operators", java.util.List.of("Mallory"))));
        assertTrue(written.getMessage().contains("leaves ac-late through a symbolic link"), written.getMessage());
        assertEquals("{\"operators\": []}", Files.readString(outside.resolve("permissions.json")), "unchanged");
        assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED, () -> home.service.readConfigAsset("ac-late", "leak.json"));
    }

    @Test
    void theManifestAndTheCodeAreNeverConfigAssetsAndWritesHaveAQuota() throws IOException {
        home.folder("ac-self-declared", Map.of("meta.json", META.formatted("ac-self-declared",
                        assets("meta.json", "server.lua", "data/state.json")),
                "server.lua", "print('x')\n", "data/state.json", "{}"));
        home.awaitListed("ac-self-declared");

        var manifest = assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED,
                () -> home.service.writeConfigAsset("ac-self-declared", "meta.json", Map.of("name", "admin-tools")));
        assertTrue(manifest.getMessage().contains("is its manifest or code, never a config asset"), manifest.getMessage());
        assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED,
                () -> home.service.writeConfigAsset("ac-self-declared", "server.lua", Map.of()));
        var quota = assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED, () -> home.service.writeConfigAsset(
                "ac-self-declared", "data/state.json", Map.of("blob", "x".repeat(2 * 1024 * 1024))));
        assertTrue(quota.getMessage().contains("more than the quota of 1048576 bytes per file"), quota.getMessage());
        assertEquals(Optional.of(Map.of()), home.service.readConfigAsset("ac-self-declared", "data/state.json"));
    }

    @Test
    void whatAStartedResourceWritesIntoItsFolderDoesNotRestartIt() throws Exception {
        home.settings("{\"ResourceHotReload\": true}");
        try (var events = new EventLog(home.context, "resource:started", "resource:restart")) {
            home.folder("ac-writer", Map.of(
                    "meta.json", "{\"name\": \"ac-writer\", \"scripts\": [{\"path\": \"server.lua\", \"type\": "
                            + "\"server\"}], \"assets\": [" + assets("data/state.json") + "]}",
                    "server.lua", "Resource.WriteConfigAsset('ac-writer', 'data/state.json', {started = os.time()})\n",
                    "data/state.json", "{}"));
            home.awaitListed("ac-writer");
            home.service.start("ac-writer");
            events.await("resource:started {resourceName=ac-writer}");

            // Several scans of the folder (every 200 ms in these tests) see the written file.
            Thread.sleep(2000);

            assertEquals(1, events.lines().stream().filter(l -> l.contains("resourceName=ac-writer")).count(),
                    "started once, never restarted by its own write: " + events.lines());
            assertEquals(ResourceState.STARTED, home.service.info("ac-writer").state());
        }
    }
}

package dev.plinth.itest.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.itest.lua.LuaFolders;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceAssertions;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Development mode: a watched resource reloads by itself when its files are saved (the operating system's file
 * notifications, debounced), once per burst of writes; editors' temporaries, client files and assets never reload it,
 * but code under a client pattern that the server loaded does (alt:V's {@code shared/}), in Lua and JavaScript;
 * {@code resource:unwatch} stops it; {@code DevResources} watches from the settings.
 */
class WatchTest {

    /** How long after the last write a test waits for a reload that must not come (a few scans of the folder). */
    private static final long QUIET_MS = 1200;

    private final ResourceHome home = new ResourceHome();
    private final EventLog events = new EventLog(home.context, "hw-watch:version", "core:hotReload:complete",
            "core:hotReload:failed");

    @AfterEach
    void cleanUp() throws IOException {
        events.close();
        home.settings("{}");
        home.close();
    }

    private static String script(String version) {
        return "mc.on_reload(function() mc.emit(\"hw-watch:version\", {version = \"" + version + "\"}) end)\n";
    }

    private List<String> versions() {
        return events.lines().stream().filter(l -> l.startsWith("hw-watch:version")).toList();
    }

    private List<String> reloads() {
        return events.lines().stream().filter(l -> l.startsWith("core:hotReload:")).toList();
    }

    private static void quiet() {
        try {
            Thread.sleep(QUIET_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWatchedResourceReloadsOnceWhenABurstOfSavesSettles() throws IOException {
        home.settings("{\"HotReloadDebounceMs\": 300}");
        LuaFolders.deploy(home, "hw-watch", script("v1"));
        home.service.start("hw-watch");

        String answer = home.service.watch("hw-watch", true);

        assertEquals("watching hw-watch: a change of resources/hw-watch reloads it (file notifications, changes settle "
                + "for 300 ms)", answer);
        assertEquals(Optional.of("resource:watch"), home.service.watchedBy("hw-watch"));
        Path folder = home.resources.resolve("hw-watch");
        for (int save = 2; save <= 6; save++) { // an editor: swap file, backup, the file itself
            Files.writeString(folder.resolve(".main.lua.swp"), "swap " + save);
            Files.writeString(folder.resolve("main.lua~"), script("v" + (save - 1)));
            Files.writeString(folder.resolve("main.lua"), script("v" + save));
        }
        Files.delete(folder.resolve(".main.lua.swp"));
        events.await("hw-watch:version");
        quiet();

        assertEquals(List.of("hw-watch:version {version=v6}"), versions(), "one reload, with the last save");
        assertEquals(1, reloads().size(), reloads().toString());
    }

    @Test
    void clientFilesAssetsAndEditorTemporariesNeverReloadIt() throws IOException {
        home.folder("hw-watch", Map.of(
                "resource.toml", "type = \"lua\"\nmain = \"server.lua\"\nclient-files = [\"client/*\"]\n",
                "server.lua", script("v1"),
                "client/hud.js", "// v1"));
        home.awaitListed("hw-watch");
        home.service.start("hw-watch");
        home.service.watch("hw-watch", true);

        home.folder("hw-watch", Map.of("client/hud.js", "// v2", "client/icons/new.png", "png",
                "#server.lua#", "emacs", "server.lua___jb_tmp___", "idea"));
        quiet();

        assertEquals(List.of(), reloads(), "nothing the server runs changed");
        home.folder("hw-watch", Map.of("server.lua", script("v2")));
        events.await("hw-watch:version");
        assertEquals(List.of("hw-watch:version {version=v2}"), versions());
    }

    @Test
    void sharedLuaCodeTheServerRequiresReloadsItUnderAClientPattern() throws IOException {
        home.folder("hw-watch", Map.of(
                "resource.toml", "type = \"lua\"\nmain = \"server/main.lua\"\nclient-files = [\"shared/*\"]\n",
                "server/main.lua", "local util = require(\"shared.util\")\n"
                        + "mc.on_reload(function() mc.emit(\"hw-watch:version\", {version = util.version}) end)\n",
                "shared/util.lua", "return { version = \"v1\" }\n",
                "shared/hud.lua", "-- the clients' only"));

        assertSharedCodeReloads("shared/util.lua", "return { version = \"v2\" }\n", "shared/hud.lua");
    }

    @Test
    void sharedJavaScriptTheServerImportsReloadsItUnderAClientPattern() throws IOException {
        home.folder("hw-watch", Map.of(
                "resource.toml", "type = \"js\"\nmain = \"server/main.js\"\nclient-files = [\"shared/*\"]\n",
                "server/main.js", "import { version } from \"../shared/util.js\";\n"
                        + "export function onReload() { mc.emit(\"hw-watch:version\", { version }); }\n",
                "shared/util.js", "export const version = \"v1\";\n",
                "shared/hud.js", "// the clients' only"));

        assertSharedCodeReloads("shared/util.js", "export const version = \"v2\";\n", "shared/hud.js");
    }

    /**
     * Starts and watches hw-watch, edits a client file under its pattern that the server never loaded (no reload),
     * then the shared file its server loaded (a reload, running the new shared code).
     */
    private void assertSharedCodeReloads(String shared, String sharedV2, String clientOnly) throws IOException {
        home.awaitListed("hw-watch");
        home.service.start("hw-watch");
        home.service.watch("hw-watch", true);

        home.folder("hw-watch", Map.of(clientOnly, "// edited"));
        quiet();
        assertEquals(List.of(), reloads(), clientOnly + " is the clients' only: the server never loaded it");

        home.folder("hw-watch", Map.of(shared, sharedV2));
        events.await("hw-watch:version");
        assertEquals(List.of("hw-watch:version {version=v2}"), versions(), "the server runs the new " + shared);
    }

    @Test
    void anUnwatchedResourceWaitsForItsRestart() throws IOException {
        LuaFolders.deploy(home, "hw-watch", script("v1"));
        home.service.start("hw-watch");
        home.service.watch("hw-watch", true);
        LuaFolders.rewrite(home, "hw-watch", script("v2"));
        events.await("hw-watch:version");

        assertEquals("hw-watch is no longer watched: a change of its files applies at its next resource:restart",
                home.service.watch("hw-watch", false));
        LuaFolders.rewrite(home, "hw-watch", script("v3"));
        quiet();

        assertEquals(List.of("hw-watch:version {version=v2}"), versions());
        assertEquals(Optional.empty(), home.service.watchedBy("hw-watch"));
        home.service.restart("hw-watch");
        assertEquals("hw-watch:version {version=v3}", versions().getLast());
    }

    @Test
    void devResourcesWatchFromTheSettings() throws IOException {
        home.settings("{\"DevResources\": [\"hw-watch\"]}");
        LuaFolders.deploy(home, "hw-watch", script("v1"));
        home.service.start("hw-watch");

        assertEquals(Optional.of("DevResources"), home.service.watchedBy("hw-watch"));
        LuaFolders.rewrite(home, "hw-watch", "local broken = = 1\n");
        String failed = events.await("core:hotReload:failed");
        LuaFolders.rewrite(home, "hw-watch", script("v2"));
        events.await("hw-watch:version");

        assertEquals("core:hotReload:failed {error=hw-watch: main.lua:1: unexpected symbol near '=', "
                + "resourceName=hw-watch}", failed);
        assertEquals(List.of("hw-watch:version {version=v2}"), versions(), "the next good save reloads again");
    }

    @Test
    void watchingNeedsAResourceOfTheFolder() {
        var refused = ResourceAssertions.assertCode(ResourceErrorCode.ERR_SYSTEM_RESOURCE,
                () -> home.service.watch("server", true));
        assertTrue(refused.getMessage().startsWith("ERR_SYSTEM_RESOURCE: server is a system resource"),
                refused.getMessage());
        ResourceAssertions.assertCode(ResourceErrorCode.ERR_NOT_FOUND, () -> home.service.watch("hw-none", true));
    }
}

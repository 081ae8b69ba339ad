package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lua resources in the real distribution: the MC-RS example script as it is written (welcome message and kit, chat
 * filter, /spawn), the MTADM-style admin resource (Resource API, AddEventHandler), and scripts that try to leave
 * the sandbox or break their limits, each driven through the {@code sim:*} shell commands.
 */
class LuaResourcesIT {

    @TempDir
    Path home;

    @Test
    void aFailingHandlerOrCommandIsReportedWithItsFileAndLineNotJavaClassNames() throws Exception {
        LuaFolders.write(home, "oops", "", """
                mc.on('player_chat', function(event)
                  local t = nil
                  return t.x
                end)
                mc.register_command('boom', { execute = function(player, args) error('kaboom') end })
                """);
        serverJson("oops");
        var run = PlinthInstance.at(home).script("sim:join Ada", "sim:chat Ada hi", "sim:command Ada boom");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("[oops] event 'player_chat': handler main.lua:1 of oops (NORMAL) failed: oops: "
                + "main.lua:3: attempt to index"), out);
        assertTrue(out.contains("command /oops:boom of resource 'oops' failed for Ada: oops: main.lua:5: kaboom"), out);
        assertFalse(out.contains("Exception"), "no Java class names on the console:\n" + out);
        assertTrue(Files.readString(home.resolve("data/oops/logs/latest.log")).contains("ScriptRuntimeException"),
                "the resource's log file keeps the whole failure");
    }

    @Test
    void theSeedScriptWelcomesFiltersChatAndTeleports() throws Exception {
        deployExamples();
        serverJson("welcome", "admin-tools");
        var run = PlinthInstance.at(home).script(
                "sim:join Steve",
                "sim:inventory Steve",
                "sim:chat Steve this is a badword here",
                "sim:move Steve 100 20 100",
                "sim:command Steve spawn",
                "sim:players",
                "sim:inbox Steve");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("message: §aSteve a rejoint le serveur !"), "the join broadcast:\n" + out);
        assertTrue(out.contains("message: §6Bienvenue sur le serveur !"), "the welcome message:\n" + out);
        assertTrue(out.contains("minecraft:diamond_sword x1") && out.contains("minecraft:bread x16"),
                "the starter kit:\n" + out);
        assertTrue(out.contains("Steve's message was cancelled"), "the chat filter cancelled:\n" + out);
        assertTrue(out.contains("message: §cMessage interdit !"), "the chat filter warned:\n" + out);
        assertTrue(out.contains("Steve is at (100, 20, 100)"), out);
        assertTrue(out.contains("/spawn: executed"), out);
        assertTrue(out.contains("Steve #1 at (0.5, 4, 0.5) in overworld"), "teleported back to spawn:\n" + out);
        assertTrue(out.contains("message: §aTéléporté au spawn !"), out);
    }

    @Test
    void theAdminResourceFollowsTheLifecycleThroughTheResourceApi() throws Exception {
        deployExamples();
        serverJson("admin-tools", "welcome");
        var run = PlinthInstance.at(home).script(
                "sim:join Steve",
                "perm:grant Steve admin.resources",
                "sim:command Steve resources",
                "sim:command Steve resources nosuchresource",
                "resource:stop welcome",
                "sim:inbox Steve");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.matches("(?s).*\\[admin-tools] \\[admin] admin-tools ready, \\d+ resources, names up to 64 characters.*"),
                "on_enable printed with the resource's prefix:\n" + out);
        assertTrue(out.contains("[admin] Started: welcome"), "AddEventHandler saw resource:started:\n" + out);
        assertTrue(out.contains("message: welcome: started"), "/resources listed the states:\n" + out);
        assertTrue(out.contains("message: Resource.GetResourceInfo failed: ERR_NOT_FOUND"),
                "the error code came back as a string:\n" + out);
        assertTrue(out.contains("[admin] Stopped: welcome"), "AddEventHandler saw resource:stopped:\n" + out);
    }

    @Test
    void escapesAndRunawayScriptsStopTheirResourceNotTheServer() throws Exception {
        LuaFolders.write(home, "escape-os", "", "print('escape-os starting')\nos.execute('touch " + home.resolve("pwned") + "')\n");
        LuaFolders.write(home, "escape-load", "", "local f = load('return 1')\n");
        LuaFolders.write(home, "escape-io", "", "io.open('/etc/passwd')\n");
        LuaFolders.write(home, "escape-require", "", "require('../../conf/server')\n");
        LuaFolders.write(home, "spinner", "", "mc.on('player_chat', function(event)\n  while true do end\nend)\n");
        LuaFolders.write(home, "hog", "", "mc.on('player_join', function(event)\n  local s = string.rep('x', 1e9)\nend)\n");
        serverJson("escape-os", "escape-load", "escape-io", "escape-require", "spinner", "hog");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            for (String command : List.of("sim:join Steve", "sim:chat Steve one", "sim:chat Steve two",
                    "sim:chat Steve three", "sim:chat Steve four")) {
                session.send(command);
            }
            // the host stops the spinner from a thread of its own: ask until the list shows it
            session.poll("resource:list", o -> o.matches("(?s).*\nspinner\\s+plugin\\s+lua\\s+1\\.0\\.0\\s+error\\s.*")
                    && o.matches("(?s).*\nhog\\s+plugin\\s+lua\\s+1\\.0\\.0\\s+error\\s.*"), "spinner and hog are in error");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertFalse(Files.exists(home.resolve("pwned")), "os.execute ran");
        assertTrue(out.contains("[escape-os] escape-os starting"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-os: main.lua:2: attempt to call a nil value (field 'execute')"),
                out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-load: main.lua:1: attempt to call a nil value (global 'load')"),
                out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-io: main.lua:1: attempt to index a nil value (global 'io')"),
                out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-require: main.lua:1:")
                && out.contains("module name '../../conf/server' is not valid"), out);
        assertTrue(out.contains("spinner: main.lua:2: instruction budget per call exceeded"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: spinner stopped for breaking its limits"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: hog stopped for breaking its limits: hog: main.lua:2: memory limit exceeded"),
                out);
        assertTrue(out.contains("'Steve: four' sent to 1 player(s)"), "the server kept running:\n" + out);
        for (String name : List.of("escape-os", "escape-load", "escape-io", "escape-require", "spinner", "hog")) {
            LuaFolders.assertState(out, name, "error");
        }
    }

    @Test
    void aScriptThatFailsAtStartLeavesItsResourceInErrorWithFileAndLine() throws Exception {
        LuaFolders.write(home, "broken", "", "local greeting = 'starting'\nprint(greeting)\nundefined_function()\n");
        serverJson();
        var run = PlinthInstance.at(home).script(
                "resource:start broken",
                "resource:list",
                "resource:info broken",
                "resource:why broken");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("[broken] starting"), "the script ran up to line 3:\n" + out);
        assertTrue(out.contains("ERROR: ERR_SCRIPT_EXECUTION: broken: main.lua:3: attempt to call"),
                "resource:start failed with the file and the line:\n" + out);
        assertFalse(out.contains("Started broken"), out);
        LuaFolders.assertState(out, "broken", "error");
        assertTrue(out.matches("(?s).*last error\\s+ERR_SCRIPT_EXECUTION: broken: main.lua:3: attempt to call.*"),
                "resource:info shows the message:\n" + out);
        assertTrue(out.contains("its last failure: ERR_SCRIPT_EXECUTION: broken: main.lua:3: attempt to call"),
                "resource:why shows the message:\n" + out);
    }

    /** Only the Lua examples: the Java example {@code hello} filters "badword" too and would answer first. */
    private void deployExamples() throws IOException {
        Path examples = PlinthInstance.at(home).installDir().resolve("resources");
        for (String name : List.of("welcome", "admin-tools")) {
            Folders.copy(examples.resolve(name), home.resolve("resources").resolve(name));
        }
    }


    private void serverJson(String... startup) throws IOException {
        var names = String.join(", ", Stream.of(startup).map(n -> "\"" + n + "\"").toList());
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), """
                {
                  "StartupResources": [%s],
                  "AdminResources": ["admin-tools"],
                  "permissions": { "groups": { "default": ["mc-rs.command.spawn"] }, "members": {} }
                }
                """.formatted(names));
    }
}

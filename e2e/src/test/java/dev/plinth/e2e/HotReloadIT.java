package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload in the real distribution, as a developer uses it: a resource in development mode ({@code DevResources})
 * reloads when its script is saved, keeps its count and its player, and the console and the operator in game read
 * what reloaded and how long it took; a save that does not compile is refused with its file and line while the previous
 * version keeps serving; {@code /reload} in game does the same on demand; {@code resource:watch} without a name says
 * how it is used.
 */
class HotReloadIT {

    @TempDir
    Path home;

    private static String counter(String version) {
        return """
                local count = 0
                mc.on("player_chat", function(event) count = count + 1 end)
                mc.on("player_join", function(event)
                  if event.replayed then print("%s greets " .. event.player:name() .. " again") end
                end)
                mc.on_reload_save(function() return {count = count} end)
                mc.on_reload_restore(function(state) count = state.count end)
                mc.register_command("count", {execute = function(player)
                  player:send_message("%s counted " .. count)
                end})
                """.formatted(version, version);
    }

    private void save(String script) throws IOException {
        Files.writeString(home.resolve("resources/counter/main.lua"), script);
    }

    @Test
    void aSavedScriptReloadsWithItsStateAndEveryoneIsTold() throws Exception {
        LuaFolders.write(home, "counter", "", counter("v1"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), """
                {"StartupResources": ["counter"], "DevResources": ["counter"], "HotReloadDebounceMs": 100}
                """);
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.send("sim:join alice");
            session.send("perm:op alice");
            session.send("sim:chat alice one");
            session.send("sim:chat alice two");
            session.await(o -> o.contains("'alice: two' sent"), "alice chatted");

            save(counter("v2"));
            session.await(o -> o.contains("[reload] counter 1.0.0 in "), "the saved script is live");
            session.send("sim:command alice count");
            session.poll("sim:inbox alice", o -> o.contains("v2 counted 2"), "the new version counts on");

            save("local count = = 0\n" + counter("v3"));
            session.await(o -> o.contains("[reload] counter: main.lua:1: unexpected symbol near '=' — still running "
                    + "the previous version"), "the broken save is refused");
            session.send("sim:chat alice three");
            session.send("sim:command alice count");
            session.poll("sim:inbox alice", o -> o.contains("v2 counted 3"), "the previous version still serves");

            save(counter("v4"));
            session.send("sim:command alice reload counter");
            session.await(o -> o.contains("v4 greets alice again"), "the reload replayed alice's join");
            session.send("sim:command alice count");
            session.poll("sim:inbox alice", o -> o.contains("v4 counted 3"), "the count survived both reloads");
            session.send("resource:watch");
            session.send("resource:info counter");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertTrue(out.matches("(?s).*INFO  \\[dev\\.plinth\\.core\\.resource] \\[reload] counter 1\\.0\\.0 in \\d+ ms "
                + "\\(\\d+\\.\\d ms on the game thread\\).*"), out);
        assertTrue(out.contains("§a[reload] counter 1.0.0 in "), "the operator read the reload in game:\n" + out);
        assertTrue(out.contains("§c[reload] counter: main.lua:1: unexpected symbol near '=' — still running the "
                + "previous version"), "the operator read the refusal in game:\n" + out);
        assertTrue(out.contains("§7[reload] reloading counter..."), out);
        assertTrue(out.contains("ERROR: missing or wrong arguments; usage: resource:watch NAME\n  reload a resource as soon "
                + "as its files change (development mode)"), out);
        assertTrue(out.contains("watched       yes (DevResources)"), out);
        assertTrue(out.contains("alice joined at"), out);
    }
}

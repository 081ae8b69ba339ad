package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox of script resources against an attacker, in the real distribution: each resource here tries one of
 * the attacks of the sandbox issue, and the server owner's console shows it refused, the resource in {@code error}
 * where it broke a limit, and the server still ticking.
 */
class LuaSandboxIT {

    @TempDir
    Path home;

    @Test
    void runawayCodeIsStoppedByTheClockWhateverItsBudgets() throws Exception {
        LuaFolders.write(home, "spinner", "", "mc.schedule_repeating(1, function()\n  while true do end\nend)\n");
        LuaFolders.write(home, "slow-start", "", "print('slow-start begins')\nwhile true do end\n");
        LuaFolders.write(home, "bystander", "", "print('bystander started')\n");
        LuaFolders.write(home, "slow-stop", "", "function on_disable()\n  while true do end\nend\n");
        LuaFolders.write(home, "slow-shutdown", "", "function on_disable()\n  while true do end\nend\n");
        serverJson("""
                "lua": {"instructions_per_call": 1000000000000, "instructions_per_tick": 1000000000000,
                        "instructions_per_start": 1000000000000},
                "sandbox": {"call_timeout_ms": 200, "start_timeout_ms": 400, "stop_timeout_ms": 300}
                """, "slow-start", "bystander", "spinner", "slow-stop", "slow-shutdown");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.await(o -> o.contains("ERR_SCRIPT_EXECUTION: spinner stopped for breaking its limits"),
                    "the spinning task's resource is stopped");
            session.poll("resource:list", o -> o.matches("(?s).*\nspinner\\s+plugin\\s+lua\\s+1\\.0\\.0\\s+error\\s.*"),
                    "spinner is in error");
            session.send("server:mspt");
            session.send("resource:stop slow-stop");
            session.await(o -> o.contains("ERR_STOP_TIMEOUT: slow-stop: main.lua:2: wall-clock bound exceeded"),
                    "the stop reports the interrupted on_disable");
            session.send("resource:list");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertTrue(out.contains("[slow-stop] on_disable failed: slow-stop: main.lua:2: wall-clock bound exceeded"), out);
        LuaFolders.assertState(out, "slow-stop", "error");
        assertTrue(out.contains("[slow-shutdown] on_disable failed: slow-shutdown: main.lua:2: wall-clock bound "
                + "exceeded"), "shutdown interrupted the last spinning on_disable and finished:\n" + out);
        assertTrue(out.contains("[slow-start] slow-start begins"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: slow-start: main.lua:2: wall-clock bound exceeded (ran for"),
                "the main chunk was interrupted at its start bound:\n" + out);
        assertTrue(out.contains("[bystander] bystander started"), "the next startup resource started:\n" + out);
        assertTrue(out.contains("spinner: main.lua:2: wall-clock bound exceeded"), out);
        LuaFolders.assertState(out, "spinner", "error");
        LuaFolders.assertState(out, "slow-start", "error");
        LuaFolders.assertState(out, "bystander", "started");
        double maxTick = PlinthSession.maxTickMillis(out);
        assertTrue(maxTick >= 150, "the spinning task froze ticks up to its bound (longest " + maxTick + " ms)");
        assertTrue(maxTick < 1000, "no tick was frozen past the bound (longest " + maxTick + " ms):\n" + out);
    }

    @Test
    void aResourceThatKeepsGrowingIsStoppedForWhatItKeeps() throws Exception {
        LuaFolders.write(home, "hoarder", "", """
                local kept = {}
                mc.schedule_repeating(1, function() kept[#kept + 1] = string.rep('x', 4 * 1024 * 1024) end)
                """);
        LuaFolders.write(home, "modest", "", "local few = {} for i = 1, 100 do few[i] = i end\n");
        serverJson("\"sandbox\": {\"memory_check_ms\": 200}", "hoarder", "modest");
        var run = PlinthSession.untilStoppedForLimits(PlinthInstance.at(home), "hoarder", "lua");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.matches("(?s).*hoarder stopped for breaking its limits: hoarder: retained memory limit exceeded "
                + "\\(it keeps \\d+\\.\\d MB, more than its limit of 16\\.0 MB \\(max_memory_mb\\)\\).*"), out);
        LuaFolders.assertState(out, "modest", "started");
    }

    @Test
    void permissionsEventsManifestLimitsAndTheConsoleHold() throws Exception {
        LuaFolders.write(home, "no-world", "[permissions]\nplayer = true\n", """
                local ok, err = pcall(mc.get_world, 'overworld')
                print('get_world', ok, err)
                print('broadcast', pcall(mc.broadcast, 'no-world may talk to players'))
                """);
        LuaFolders.write(home, "no-tasks", "[permissions]\nworld = true\n", "mc.schedule_task(20, function() end)\n");
        LuaFolders.write(home, "spoofer", "", """
                local ok, err = pcall(mc.emit, 'resource:started', {resourceName = 'admin-tools'})
                print('spoof', ok, err)
                print('own', pcall(mc.emit, 'spoofer:ping', {n = 1}))
                print('game', pcall(mc.emit, 'player_join', {}))
                """);
        LuaFolders.write(home, "zero-mem", "[resources]\nmax_memory_mb = 0\n", "print('zero-mem ran')\n");
        LuaFolders.write(home, "greedy", "[resources]\nmax_memory_mb = 100000\n", "print('greedy ran')\n");
        LuaFolders.write(home, "forger", "", "print('x\\n[12:00:00 ERROR] [server] FORGED\\27[2J')\n");
        LuaFolders.write(home, "catcher", "", """
                mc.on('player_join', function(event)
                  local ok, err = pcall(event.player.give_item, event.player, 'minecraft:stone', -5)
                  print('give_item', ok, err)
                end)
                """);
        LuaFolders.write(home, "flooder", "", """
                for i = 1, 20000 do
                  local ok, err = pcall(mc.schedule_repeating, 1, function() print('tick of task', i) end)
                  if not ok then print('refused at', i, err) break end
                end
                """);
        LuaFolders.write(home, "dag", "", """
                local t = {'leaf'}
                for level = 1, 27 do t = {t, t} end
                print('dag', pcall(mc.emit, 'dag:big', {tree = t}))
                """);
        LuaFolders.write(home, "meta-globals", "", """
                setmetatable(_G, {__index = function(t, key) while true do end end})
                print('meta-globals set its trap')
                """);
        serverJson("\"sandbox\": {\"max_tasks\": 100, \"log_lines_per_second\": 20}", "no-world", "no-tasks",
                "spoofer", "zero-mem", "greedy", "forger", "catcher", "flooder", "dag", "meta-globals");
        var run = PlinthInstance.at(home).script("sim:join Steve", "sim:inbox Steve", "resource:list",
                "resource:info zero-mem");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("[no-world] get_world\tfalse\tERR_PERMISSION_DENIED: no-world: mc.get_world needs the "
                + "permission 'world', which its manifest does not grant ([permissions] world = true)"), out);
        assertTrue(out.contains("[no-world] broadcast\ttrue"), "players are granted:\n" + out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: no-tasks: main.lua:1: ERR_PERMISSION_DENIED: no-tasks: "
                + "mc.schedule_task needs the permission 'scheduler'"), out);
        assertTrue(out.contains("[spoofer] spoof\tfalse\tspoofer: mc.emit('resource:started') is refused: a resource "
                + "emits only its own events, named 'spoofer:<event>'"), out);
        assertTrue(out.contains("[spoofer] own\ttrue\tfalse"), out);
        assertTrue(out.contains("[spoofer] game\tfalse\tspoofer: mc.emit('player_join') is refused"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: zero-mem: plugin.toml, field 'resources.max_memory_mb': 0 is "
                + "not a limit; use a whole number of at least 1"), out);
        assertFalse(out.contains("zero-mem ran"), out);
        assertTrue(out.contains("greedy: plugin.toml, field 'resources.max_memory_mb' asks for 100000; the server "
                + "allows at most 256"), out);
        assertTrue(out.contains("[greedy] greedy ran"), out);
        assertTrue(out.contains("[forger] x\\n[12:00:00 ERROR] [server] FORGED\\x1B[2J"), out);
        assertFalse(out.contains("\u001b[2J"), "no escape sequence reached the terminal");
        assertFalse(out.lines().anyMatch(line -> line.startsWith("[12:00:00 ERROR] [server] FORGED")), out);
        assertTrue(out.contains("[catcher] give_item\tfalse\t"), "pcall caught the host's error:\n" + out);
        assertTrue(out.contains("[flooder] refused at\t101\tflooder: mc.schedule_repeating refused: the resource has 100 "
                + "scheduled tasks, its limit (sandbox.max_tasks)"), out);
        assertTrue(out.matches("(?s).*\\[flooder] \\d+ line\\(s\\) of flooder dropped: it logged more than 20 lines per "
                + "second.*"), "the flood was cut:\n" + out);
        assertTrue(out.lines().filter(line -> line.contains("tick of task")).count() < 1000,
                "at most its rate reached the console");
        assertTrue(out.contains("[dag] dag\tfalse\tdag: the payload of mc.emit holds more than 100000 values"), out);
        assertTrue(out.contains("[meta-globals] meta-globals set its trap"), out);
        LuaFolders.assertState(out, "meta-globals", "started");
        LuaFolders.assertState(out, "no-world", "started");
        LuaFolders.assertState(out, "no-tasks", "error");
        LuaFolders.assertState(out, "zero-mem", "error");
        LuaFolders.assertState(out, "greedy", "started");
        LuaFolders.assertState(out, "catcher", "started");
    }

    private void serverJson(String more, String... startup) throws IOException {
        var names = String.join(", ", Stream.of(startup).map(n -> "\"" + n + "\"").toList());
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\n" + (more.isBlank() ? "" : more.strip() + ",\n")
                + "\"StartupResources\": [" + names + "]\n}\n");
    }

}

package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JavaScript resources in the real distribution: the Staminal mod pair (bootstrap mod importing a library mod,
 * locales), the MC-RS script ported to JavaScript, the alt:V core and plugin, exports between Lua and JavaScript that
 * follow a restart, and scripts that try to leave the sandbox or break their limits, driven through {@code sim:*}
 * and {@code resource:*}.
 */
class JsResourcesIT {

    /** What {@code js:info} says of the modules parsed off the game thread, before their start. */
    private static final Pattern PARSED_AHEAD = Pattern.compile("(\\d+) modules parsed ahead of their start");

    @TempDir
    Path home;

    @Test
    void theStaminalModsAttachBootstrapAndGreetInTheServersLanguage() throws Exception {
        deployExamples("js-helper", "hello-mod");
        serverJson("\"locale\": \"it-IT\"", "hello-mod");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            // onBootstrap runs once startup is done and awaits a timer: the commands below (stopping its dependency
            // last) come once it finished, however loaded the machine is.
            session.await(o -> o.contains("[hello-mod] bootstrapped after waiting"), "hello-mod bootstrapped");
            for (String command : List.of("sim:join Mario", "sim:command Mario greet", "js:info", "sim:inbox Mario",
                    "resource:stop js-helper")) {
                session.send(command);
            }
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertTrue(out.contains("[js-helper] js-helper attached"), "the library attached first:\n" + out);
        assertTrue(out.contains("[hello-mod] hello-mod attached (2 mods known)"), "onAttach with console format:\n" + out);
        assertTrue(out.contains("[hello-mod] bootstrapped after waiting; mods: hello-mod@1.0.0, js-helper@1.0.0"),
                "onBootstrap awaited a timer of the @js-helper import:\n" + out);
        assertTrue(out.contains("[hello-mod] Hello Mod è pronto."), "the server's language:\n" + out);
        assertTrue(out.contains("message: Benvenuto, Mario! Sei il visitatore numero 1."), "player_join handler:\n" + out);
        assertTrue(out.contains("message: Ciao, Mario!"), "the command answered in Italian:\n" + out);
        assertTrue(out.contains("JIT (Graal compiler)"), "js:info says the JIT runs:\n" + out);
        assertTrue(out.contains("Stopped js-helper (after its dependents: hello-mod)."), out);
        assertTrue(out.contains("[hello-mod] hello-mod detaching after 1 joins"), "onDetach ran:\n" + out);
    }

    @Test
    void awaitingHooksLetTheServerTickAndAFailingOnAttachFailsTheStartNamingFileAndLine() throws Exception {
        js("slow-attach", """
                let ticks = 0;
                let last = 0;
                let longest = 0;
                mc.schedule_repeating(1, () => {
                    const now = Date.now();
                    if (last > 0) { longest = Math.max(longest, now - last); }
                    last = now;
                    ticks++;
                });
                export async function onAttach() {
                    console.log("attaching");
                    await new Promise((resolve) => setTimeout(resolve, 1500));
                    console.log(`attached after waiting ${ticks} ticks, at most ${longest} ms apart`);
                }
                export async function onDetach() {
                    const before = ticks;
                    await new Promise((resolve) => setTimeout(resolve, 1000));
                    console.log(`detached after waiting ${ticks - before} ticks`);
                }
                """);
        js("late-failure", """
                export async function onAttach() {
                    await new Promise((resolve) => setTimeout(resolve, 300));
                    throw new Error("no database");
                }
                export function onDetach() { console.log("late-failure detached"); }
                """);
        js("never-attaches", "export function onAttach() { return new Promise(() => {}); }\n");
        js("early-failure", "export async function onAttach() { throw new Error(\"bad config\"); }\n");
        serverJson("\"sandbox\": {\"start_timeout_ms\": 2500}");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            for (String command : List.of("resource:start slow-attach", "resource:start late-failure",
                    "resource:start never-attaches", "resource:start early-failure", "server:mspt", "resource:list",
                    "resource:stop slow-attach")) {
                session.send(command);
            }
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        var waited = Pattern.compile("\\[slow-attach] attached after waiting (\\d+) ticks, at most (\\d+) ms apart")
                .matcher(out);
        assertTrue(waited.find(), out);
        assertTrue(Integer.parseInt(waited.group(1)) >= 10, "the server ticked (and ran the resource's own task) while "
                + "onAttach awaited 1.5 s, 30 ticks:\n" + out);
        // Timed by the resource's own task while the hook awaits: the server's longest tick would also count the
        // first JavaScript start's module evaluation on a cold engine, which runs on the game thread by design.
        assertTrue(Integer.parseInt(waited.group(2)) < 1000, "no tick was held by an awaiting onAttach:\n" + out);
        assertTrue(out.matches("(?s).*\nslow-attach\\s+plugin\\s+js\\s+1\\.0\\.0\\s+started\\s.*"),
                "started once onAttach finished:\n" + out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: late-failure: main.js:3: onAttach failed: Error: no database"),
                "the rejection after the await fails the start, naming the file and line:\n" + out);
        assertTrue(inError(out, "late-failure"), out);
        assertFalse(out.contains("late-failure detached"),
                "onDetach does not run for a mod that never attached:\n" + out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: never-attaches: onAttach did not finish within 2500 ms"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: early-failure: main.js:1: onAttach failed: Error: bad config"),
                "a rejection within the call names the file and line too:\n" + out);
        assertTrue(inError(out, "never-attaches"), out);
        var detached = Pattern.compile("\\[slow-attach] detached after waiting (\\d+) ticks").matcher(out);
        assertTrue(detached.find(), "a mod that attached detaches:\n" + out);
        assertTrue(Integer.parseInt(detached.group(1)) >= 10, "the server ticked (and the resource still ran) while "
                + "onDetach awaited 1 s, 20 ticks:\n" + out);
    }

    @Test
    void anAwaitingOnAttachFinishesWhileTheClockIsPaused() throws Exception {
        js("paused-attach", """
                export async function onAttach() {
                    await new Promise((resolve) => setTimeout(resolve, 200));
                    console.log("attached with the clock paused");
                }
                """);
        serverJson("\"game\": {\"startPaused\": true}");
        var run = PlinthInstance.at(home).script("resource:start paused-attach", "resource:list");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("[paused-attach] attached with the clock paused"),
                "no tick runs while the clock is paused, so the start runs what the hook awaits:\n" + run.output());
        assertTrue(run.output().matches("(?s).*\npaused-attach\\s+plugin\\s+js\\s+1\\.0\\.0\\s+started\\s.*"),
                run.output());
    }

    @Test
    void anAwaitingOnBootstrapHoldsNeitherARestartNorALaterStartAndItsFailureStopsTheMod() throws Exception {
        mod("slow-boot", """
                export async function onBootstrap() {
                    await new Promise((resolve) => setTimeout(resolve, 1000));
                    console.log("bootstrapped after waiting");
                }
                """);
        mod("failing-boot", """
                export async function onBootstrap() {
                    await new Promise((resolve) => setTimeout(resolve, 300));
                    throw new Error("no map");
                }
                """);
        serverJson("", "slow-boot");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.await(o -> o.contains("[slow-boot] bootstrapped after waiting"), "slow-boot bootstrapped");
            session.send("resource:restart slow-boot");
            session.await(o -> count(o, "[slow-boot] bootstrapped after waiting") == 2, "slow-boot bootstrapped again");
            session.send("server:mspt");
            session.send("resource:start failing-boot");
            session.poll("resource:list",
                    o -> o.matches("(?s).*\nfailing-boot\\s+mod\\s+js\\s+1\\.0\\.0\\s+error\\s.*"),
                    "failing-boot is in error");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        var swap = Pattern.compile("\\[reload] slow-boot 1\\.0\\.0 in \\d+ ms \\(([\\d.]+) ms on the game thread\\)")
                .matcher(out);
        assertTrue(swap.find(), out);
        assertTrue(Double.parseDouble(swap.group(1)) < 1000, "the restart did not wait on the game thread for "
                + "onBootstrap's 1 s await:\n" + out);
        double maxTick = PlinthSession.maxTickMillis(out, "5s");
        assertTrue(maxTick < 1000, "no tick was held by the awaiting onBootstrap since the restart (longest " + maxTick
                + " ms):\n" + out);
        assertTrue(out.contains("Started failing-boot."), "the start did not wait for onBootstrap:\n" + out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: failing-boot: main.js:3: onBootstrap failed: Error: no map"),
                "the rejection names the file and line, and stops the mod:\n" + out);
    }

    @Test
    void aSavedModuleIsParsedOnceBeforeTheSwapAndNothingIsParsedDuringIt() throws Exception {
        js("pulse", "console.log('pulse v1');\n");
        serverJson("\"DevResources\": [\"pulse\"],\n  \"HotReloadDebounceMs\": 100", "pulse");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.await(o -> o.contains("[pulse] pulse v1"), "pulse started");
            long before = settledCount(session.poll("js:info", JsResourcesIT::settled, "js:info's count settles"));

            write("resources/pulse/main.js", "console.log('pulse v2');\n");
            session.await(o -> o.contains("[reload] pulse 1.0.0 in ") && o.contains("[pulse] pulse v2"), "the save is live");
            String since = session.output();
            long after = settledCount(session.poll("js:info", o -> settled(o.substring(since.length())),
                    "js:info's count settles again"));

            assertEquals(1, after - before, "the reload's preparation parsed the saved module, and nothing parsed it "
                    + "again, nor the version that stopped, while the swap held the game thread");
            exit = session.finish();
            out = session.output();
        }
        assertEquals(0, exit, out);
    }

    /** The counts of modules parsed ahead that {@code js:info} printed, in order. */
    private static List<Long> parsedAhead(String out) {
        return PARSED_AHEAD.matcher(out).results().map(found -> Long.parseLong(found.group(1))).toList();
    }

    /** Whether the last two counts {@code js:info} printed agree: no parse was still under way on a worker. */
    private static boolean settled(String out) {
        List<Long> counts = parsedAhead(out);
        return counts.size() >= 2 && counts.getLast().equals(counts.get(counts.size() - 2));
    }

    private static long settledCount(String out) {
        return parsedAhead(out).getLast();
    }

    @Test
    void theMcRsScriptPortedToJavaScriptWelcomesFiltersChatAndTeleports() throws Exception {
        deployExamples("welcome-js");
        serverJson("\"permissions\": { \"groups\": { \"default\": [\"mc-rs.command.spawn\"] }, \"members\": {} }",
                "welcome-js");
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
        assertTrue(out.contains("message: §aSteve joined the server!"), out);
        assertTrue(out.contains("message: §6Welcome to the server!"), out);
        assertTrue(out.contains("minecraft:diamond_sword x1") && out.contains("minecraft:bread x16"), out);
        assertTrue(out.contains("Steve's message was cancelled"), out);
        assertTrue(out.contains("message: §cMessage not allowed!"), out);
        assertTrue(out.contains("/spawn: executed"), out);
        assertTrue(out.contains("Steve #1 at (0.5, 4, 0.5) in overworld"), "teleported back to spawn:\n" + out);
        assertTrue(out.contains("message: §aTeleported to spawn!"), out);
    }

    @Test
    void altVPluginsRegisterWithTheCoreAndCallItsApi() throws Exception {
        copy(PlinthInstance.at(home).installDir().getParent().getParent().getParent()
                .resolve("examples/resources/altv"), home.resolve("resources"));
        serverJson("", "example");
        var run = PlinthInstance.at(home).script(
                "sim:join Alex",
                "sim:command Alex plugins",
                "sim:inbox Alex",
                "resource:list");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("[core] core started"), out);
        assertTrue(out.contains("[core] plugin registered: example (the example plugin)"), out);
        assertTrue(out.contains("[example] example plugin registered; the core knows: [\"example\"]"), out);
        assertTrue(out.contains("message: plugins: example"), out);
        assertTrue(out.matches("(?s).*\ncore\\s+script\\s+js\\s+\\S+\\s+started\\s.*"), out);
    }

    @Test
    void luaAndJavaScriptCallEachOthersExportsAcrossARestart() throws Exception {
        write("resources/lua-math/plugin.toml", "[plugin]\nname = \"lua-math\"\nversion = \"1.0.0\"\nmain = \"main.lua\"\n");
        write("resources/lua-math/main.lua", """
                mc.export("add", function(a, b) return a + b end)
                mc.register_command("greetjs", { execute = function(player, args)
                  local greet = mc.import("js-greeter", "greet")
                  player:send_message(greet(player:name()))
                end })
                """);
        js("js-greeter", """
                export function greet(name) { return `Hi ${name}, from JavaScript`; }
                const add = mc.import("lua-math", "add");
                mc.register_command("calc", { execute: (player, args) => player.send_message(`2 + 3 = ${add(2, 3)}`) });
                """);
        serverJson("", "lua-math", "js-greeter");
        var run = PlinthInstance.at(home).script(
                "sim:join Ada",
                "sim:command Ada calc",
                "sim:command Ada greetjs",
                "resource:restart lua-math",
                "sim:command Ada calc",
                "resource:restart js-greeter",
                "sim:command Ada greetjs",
                "sim:inbox Ada");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertEquals(2, count(out, "message: 2 + 3 = 5"), "the JavaScript importer called Lua before and after its restart:\n" + out);
        assertEquals(2, count(out, "message: Hi Ada, from JavaScript"), "Lua called the JavaScript export twice:\n" + out);
    }

    @Test
    void luaResourcesUseTheSameLocaleApiWithServerAndPlayerFallbacks() throws Exception {
        write("resources/lua-locale/plugin.toml", "[plugin]\nname = \"lua-locale\"\nversion = \"1.0.0\"\nmain = \"main.lua\"\n");
        write("resources/lua-locale/main.lua", """
                mc.register_command("sum", { execute = function(player, args)
                  player:send_message(locale.get_with_args("sum", { n = 42 }))
                  player:send_message(locale.get("motd"))
                  player:send_message(locale.for_player(player):get("missing-id"))
                end })
                """);
        write("resources/lua-locale/locale/en-US/main.ftl", "sum = The sum is {$n}.\nbroken = {\n");
        write("locale/en-US/server.ftl", "motd = Message of the day from the server.\n");
        serverJson("", "lua-locale");
        var run = PlinthInstance.at(home).script("sim:join Lin", "sim:command Lin sum", "sim:inbox Lin");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("message: The sum is 42."), "the resource's own file:\n" + out);
        assertTrue(out.contains("message: Message of the day from the server."), "the server's locale folder:\n" + out);
        assertTrue(out.contains("message: [missing-id]"), "a missing id:\n" + out);
        assertTrue(out.contains("lua-locale: locale file lua-locale/locale/en-US/main.ftl:2:"),
                "the malformed file was reported with its line:\n" + out);
    }

    @Test
    void escapesAndRunawayScriptsStopTheirResourceNotTheServer() throws Exception {
        js("escape-java", "console.log('escape-java starting');\nconst File = Java.type('java.io.File');\n");
        js("escape-polyglot", "Polyglot.eval('js', '1');\n");
        js("escape-load", "load('/etc/passwd');\n");
        js("escape-import", "import secret from '../../conf/server.json';\n");
        js("escape-package", "import fs from 'fs';\n");
        js("escape-mod", "import x from '@welcome-js';\n");
        js("escape-emit", "mc.emit('player_join', { player: 'forged' });\n");
        js("spinner", "mc.on('player_chat', (event) => { while (true) {} });\n");
        js("counter", "let calls = 0;\nmc.on('player_chat', () => { calls++; console.log('counter call ' + calls); "
                + "let x = 0; for (;;) { x++; } });\n");
        js("hog", "mc.on('player_join', () => { const keep = []; for (;;) keep.push(new Array(1 << 20).fill(keep.length)); });\n");
        write("resources/counter/plugin.toml", "[plugin]\nname = \"counter\"\nversion = \"1.0.0\"\nmain = \"main.js\"\n"
                + "[resources]\nmax_memory_mb = 512\n");
        js("no-players", "mc.broadcast('hello');\n");
        write("resources/no-players/plugin.toml", "[plugin]\nname = \"no-players\"\nversion = \"1.0.0\"\nmain = \"main.js\"\n"
                + "[permissions]\nworld = true\n");
        List<String> refused = List.of("no-players", "escape-java", "escape-polyglot", "escape-load", "escape-import",
                "escape-package", "escape-mod", "escape-emit", "spinner", "counter", "hog");
        serverJson("\"sandbox\": { \"call_timeout_ms\": 1000, \"max_call_alloc_mb\": 16 },\n  \"js\": { "
                + "\"statements_per_call\": 100000 }", refused.toArray(String[]::new));
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            for (String command : List.of("sim:join Steve", "sim:chat Steve one", "sim:chat Steve two",
                    "sim:chat Steve three", "sim:chat Steve four")) {
                session.send(command);
            }
            session.await(o -> o.contains("'Steve: four' sent"), "the last chat line");
            // A host stops a resource that broke its limits on a thread of its own, one stop after the other: the
            // listing shows error once each stop completed.
            session.poll("resource:list", o -> refused.stream().allMatch(name -> inError(o, name)),
                    "every refused or runaway resource is in error");
            session.send("server:tps");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertTrue(out.contains("[escape-java] escape-java starting"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-java: main.js:2: ReferenceError: Java is not defined"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-polyglot: main.js:1: ReferenceError: Polyglot is not defined"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-load: main.js:1: ReferenceError: load is not defined"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-import:") && out.contains("import 'conf/server.json' "
                + "leaves the resource") && out.contains("imported from main.js"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-package:") && out.contains("packages are not loaded"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-mod:")
                && out.contains("'welcome-js' is not a declared dependency of 'escape-mod'"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: escape-emit:")
                && out.contains("mc.emit('player_join') is refused: a resource emits only its own events"), out);
        assertTrue(out.contains("ERR_PERMISSION_DENIED: no-players: mc.broadcast needs the permission 'player'"), out);
        // The statement budget or the wall clock stops it first, depending on how fast the machine runs it.
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: spinner stopped for breaking its limits: spinner: main.js:1: "), out);
        // A broken statement budget aborts the call, not the context: the handler's state carries over to the next
        // call, and the third offence stops the resource.
        assertTrue(out.contains("counter: main.js:2: statement budget per call: the call ran more than 100000 statements "
                + "and was interrupted (offence 1 of 3)"), out);
        assertTrue(out.contains("[counter] counter call 3"), "the context survived the aborted calls:\n" + out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: counter stopped for breaking its limits: counter: main.js:2: "
                + "statement budget per call"), out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: hog stopped for breaking its limits")
                && out.contains("memory limit"), out);
        assertTrue(out.contains("'Steve: four' sent to 1 player(s)"), "the server kept running:\n" + out);
        for (String name : refused) {
            assertTrue(inError(out, name), name + " is in error:\n" + out);
        }
        assertFalse(Files.exists(home.resolve("pwned")));
    }

    @Test
    void aStackOverflowThroughTheHostLeavesEveryResourceItsErrors() throws Exception {
        // A resource calls its own export until the stack runs out, and the server's first host error comes with it:
        // the engine's host-error classes were first initialized there, overflowed the stack, and the JVM marked them
        // unusable, so that every later host error of every JavaScript resource was a NoClassDefFoundError no script
        // could catch. Caught, the overflow was an error without a message.
        js("recurser", """
                mc.export('down', (n) => mc.import('recurser', 'down')(n + 1));
                mc.register_command('fall', { execute: (player, args) => { mc.import('recurser', 'down')(0); } });
                mc.register_command('down', { execute: (player, args) => {
                  try { mc.import('recurser', 'down')(0); } catch (e) { player.send_message('overflow: ' + e.message); }
                }});
                """);
        js("bystander", """
                mc.register_command('wrong', { execute: (player, args) => {
                  try { mc.schedule_task('soon', () => 1); } catch (e) { player.send_message('caught: ' + e.message); }
                }});
                """);
        serverJson("", "recurser", "bystander");
        var run = PlinthInstance.at(home).script("sim:join Ada", "sim:command Ada fall", "sim:command Ada wrong",
                "sim:command Ada down", "sim:inbox Ada", "resource:list");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertFalse(out.contains("NoClassDefFoundError"), out);
        assertTrue(out.contains("message: caught: mc.schedule_task: argument 1 must be a whole number, not a string"),
                "another resource's host error is still an error it catches:\n" + out);
        // A caught overflow is an error the script catches; its message depends on where the stack ran out (an
        // overflow inside Truffle's own host-call frames still has none).
        assertTrue(out.contains("message: overflow: "), "the script caught the overflow:\n" + out);
        assertTrue(out.matches("(?s).*\nrecurser\\s+plugin\\s+js\\s+1\\.0\\.0\\s+started\\s.*"), out);
    }

    @Test
    void exportsRecursingAcrossResourcesFailWithALocationAndLeaveEveryResourceWorking() throws Exception {
        // Two JavaScript resources whose exports call each other without a base case, and a chain through Lua: a
        // nested call is refused once the stack has no room left for it, before the stack runs out in the hosts' or
        // the engine's frames (where the overflow came out as 'Resource exhausted: Stack overflow', with no line). The
        // caller catches a stack overflow naming where it stopped; every resource still answers its commands, events
        // and tasks, and restarts.
        for (String[] pair : new String[][] {{"ping", "pong"}, {"pong", "ping"}}) {
            js(pair[0], """
                    mc.export('down', (n) => mc.import('%2$s', 'down')(n + 1));
                    mc.export('count', (n) => n <= 0 ? 0 : 1 + mc.import('%2$s', 'count')(n - 1));
                    let heard = 0;
                    mc.on('player_chat', () => { heard++; });
                    let ticks = 0;
                    mc.schedule_repeating(1, () => { ticks++; });
                    mc.register_command('%1$s-deep', { execute: (player, args) => {
                      try { mc.import('%2$s', 'down')(0); player.send_message('%1$s: no overflow'); }
                      catch (e) { player.send_message('%1$s caught: ' + e.message); }
                    }});
                    mc.register_command('%1$s-count', { execute: (player, args) =>
                      player.send_message('%1$s counted ' + mc.import('%2$s', 'count')(40)) });
                    mc.register_command('%1$s-alive', { execute: (player, args) =>
                      player.send_message('%1$s alive: heard ' + heard + ', ticked ' + (ticks > 0)) });
                    """.formatted(pair[0], pair[1]));
        }
        write("resources/lua-hop/plugin.toml", "[plugin]\nname = \"lua-hop\"\nversion = \"1.0.0\"\nmain = \"main.lua\"\n");
        write("resources/lua-hop/main.lua", """
                mc.export("down", function(n) return mc.import("js-hop", "down")(n + 1) end)
                mc.register_command("lua-hop-alive", { execute = function(player, args)
                  player:send_message("lua-hop alive")
                end })
                """);
        js("js-hop", """
                mc.export('down', (n) => mc.import('lua-hop', 'down')(n + 1));
                mc.register_command('js-hop-deep', { execute: (player, args) => {
                  try { mc.import('lua-hop', 'down')(0); } catch (e) { player.send_message('js-hop caught: ' + e.message); }
                }});
                mc.register_command('js-hop-alive', { execute: (player, args) => player.send_message('js-hop alive') });
                """);
        serverJson("", "ping", "pong", "lua-hop", "js-hop");
        var commands = new java.util.ArrayList<>(List.of("sim:join Ada", "sim:command Ada ping-count"));
        for (int i = 0; i < 3; i++) {
            commands.addAll(List.of("sim:command Ada ping-deep", "sim:command Ada pong-deep",
                    "sim:command Ada js-hop-deep"));
        }
        commands.addAll(List.of("sim:chat Ada hello", "sim:command Ada ping-alive", "sim:command Ada pong-alive",
                "sim:command Ada js-hop-alive", "sim:command Ada lua-hop-alive", "resource:restart ping",
                "resource:restart js-hop", "resource:restart lua-hop", "sim:command Ada ping-alive",
                "sim:command Ada js-hop-alive", "sim:command Ada lua-hop-alive", "sim:command Ada pong-count",
                "sim:inbox Ada", "resource:list", "server:tps"));
        var run = PlinthInstance.at(home).script(commands.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertFalse(out.contains("StackOverflowError"), "no overflow escaped:\n" + out);
        assertTrue(out.contains("message: ping counted 40") && out.contains("message: pong counted 40"),
                "a deep but finite chain returns:\n" + out);
        for (String caller : List.of("ping", "pong", "js-hop")) {
            var caught = Pattern.compile("message: " + caller + " caught: (.*)").matcher(out);
            int times = 0;
            while (caught.find()) {
                times++;
                // Through Lua, the Lua host's error names the resource but no line (a Lua error raised in a host
                // function has none).
                assertTrue(caught.group(1).matches(".*stack overflow.*") && caught.group(1).matches(caller.equals(
                        "js-hop") ? ".*\\blua-hop: .*" : ".*\\b(ping|pong): main\\.js:\\d+: .*"),
                        "the overflow names a resource, file and line: " + caught.group(1) + "\n" + out);
            }
            assertEquals(3, times, caller + " caught each overflow:\n" + out);
        }
        assertTrue(out.contains("message: ping alive: heard 1, ticked true")
                && out.contains("message: pong alive: heard 1, ticked true"), "handlers and tasks still run:\n" + out);
        assertEquals(2, count(out, "message: js-hop alive"), out);
        assertEquals(2, count(out, "message: lua-hop alive"), out);
        assertEquals(1, count(out, "message: ping alive: heard 0, ticked true"), "ping restarted:\n" + out);
        for (String name : List.of("ping", "pong", "js-hop")) {
            assertTrue(out.matches("(?s).*\n" + name + "\\s+plugin\\s+js\\s+1\\.0\\.0\\s+started\\s.*"), out);
        }
    }

    @Test
    void aLongRegularExpressionIsInterruptedByTheWallClock() throws Exception {
        // One native operation that never reaches a statement: only the watchdog's interrupt stops it. The backtracking
        // allocates as it goes, so the per-call allocation limit is set out of its way (another test holds that one).
        js("regex", "mc.on('player_chat', () => /^(a+)+\\1$/.test('a'.repeat(26) + 'b'));\n");
        serverJson("\"sandbox\": { \"call_timeout_ms\": 1000, \"max_call_alloc_mb\": 4096 }", "regex");
        var run = PlinthSession.untilStoppedForLimits(PlinthInstance.at(home), "regex", "js",
                "sim:join Steve", "sim:chat Steve one", "sim:chat Steve two", "sim:chat Steve three",
                "sim:chat Steve four");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.matches("(?s).*regex: main.js:1: time limit: the call ran for [0-9.]+ m?s, past its wall-clock "
                + "bound of 1 s and was interrupted \\(offence 1 of 3\\).*"), "a long regular expression was interrupted:\n" + out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: regex stopped for breaking its limits: regex: main.js:1: time "
                + "limit"), "the third interrupted call stopped it:\n" + out);
        assertTrue(out.contains("'Steve: four' sent to 1 player(s)"), "the server kept running:\n" + out);
    }

    @Test
    void anAdminJavaScriptResourceCreatesAndBakesAMapPackage() throws Exception {
        js("mapper", """
                (async () => {
                  const [name, err] = await Resource.CreateMapPackage("jsmap", "JS Map");
                  console.log(`create ${name} ${err}`);
                  const [, again] = await Resource.CreateMapPackage("jsmap");
                  console.log(`again ${again}`);
                  console.log(`start ${await Resource.Start("jsmap")}`);
                  const [ok, bakeErr] = await Resource.BakeMapPackage("jsmap", { name: "JS Map", version: "0.3.0",
                    primitives: [{ kind: "cube", y: -2, sx: 64, sy: 2, sz: 64 }], renderObjects: [{ mesh: "rock" }] });
                  console.log(`bake ${ok} ${bakeErr}`);
                  const [bad, badErr] = await Resource.BakeMapPackage("jsmap", { primitives: [{ kind: "cube", sx: -1 }] });
                  console.log(`badbake ${bad} ${badErr}`);
                })();
                """);
        js("guest", "Resource.CreateMapPackage('stolen', 'x').then(([name, err]) => console.log(`steal ${name} ${err}`));\n");
        serverJson("\"AdminResources\": [\"mapper\"]", "mapper", "guest");
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.await(o -> o.contains("[mapper] badbake") && o.contains("[guest] steal"), "both scripts' work");
            session.send("resource:files jsmap");
            String out = session.await(o -> o.contains("map/map_collision.bin"), "the baked files for clients");

            assertTrue(out.contains("[mapper] create jsmap null"), out);
            assertTrue(out.contains("[mapper] again ERR_ALREADY_EXISTS"), out);
            assertTrue(out.contains("[mapper] start null"), out);
            assertTrue(out.contains("[mapper] bake true null"), out);
            assertTrue(out.contains("[mapper] badbake null ERR_INVALID_MANIFEST"), "a bad bake is refused:\n" + out);
            assertTrue(out.contains("[guest] steal null ERR_PERMISSION_DENIED"), "only admin resources:\n" + out);
            assertTrue(out.contains("map/map_render.json"), out);
            assertTrue(Files.readString(home.resolve("resources/jsmap/map/map_render.json")).contains("rock"),
                    "the good bake's files stay");
            assertTrue(!Files.exists(home.resolve("resources/stolen")), "nothing was created for the guest");
        }
    }

    @Test
    void aModuleThatFailsAtStartLeavesItsResourceInErrorWithFileAndLine() throws Exception {
        js("broken", "console.log('starting');\nconst greeting = 'hi';\nundefinedFunction(greeting);\n");
        serverJson("");
        var run = PlinthInstance.at(home).script("resource:start broken", "resource:info broken");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("[broken] starting"), out);
        assertTrue(out.contains("ERROR: ERR_SCRIPT_EXECUTION: broken: main.js:3: ReferenceError: undefinedFunction is "
                + "not defined"), out);
        assertTrue(out.matches("(?s).*last error\\s+ERR_SCRIPT_EXECUTION: broken: main.js:3: ReferenceError.*"), out);
    }

    @Test
    void theTypeScriptExampleCompilesOnceRunsAndNamesItsTsLines() throws Exception {
        copy(PlinthInstance.at(home).installDir().getParent().getParent().getParent()
                .resolve("examples/resources/typescript/hello-ts"), home.resolve("resources/hello-ts"));
        serverJson("", "hello-ts");
        // Its TypeScript is not compiled yet (a new home): it starts once the shell is ready, which ensure waits for.
        var run = PlinthInstance.at(home).script(
                "resource:ensure hello-ts",
                "sim:join Ada",
                "sim:command Ada greet-ts",
                "sim:command Ada fail-ts",
                "resource:restart hello-ts",
                "sim:command Ada greet-ts",
                "js:info",
                "sim:inbox Ada");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("hello-ts: starts once the shell is ready (compiling 2 TypeScript module(s)"), out);
        assertTrue(out.contains("Hello-ts is already started"), "ensure waited for the deferred start:\n" + out);
        assertTrue(out.contains("[hello-ts] hello-ts attached (0 greetings so far)"), out);
        assertTrue(out.contains("message: Hello, Ada!"), "player_join handled:\n" + out);
        assertTrue(out.contains("message: Hello, Ada! (greeting #1)"), out);
        assertTrue(out.contains("hello-ts: greeting.ts:12: Error: no parts (0)"), "the error names the .ts line:\n" + out);
        assertTrue(out.contains("message: Hello, Ada! (greeting #2)"), "the state crossed the restart:\n" + out);
        assertTrue(out.contains("TypeScript 5.9.3 (2 modules compiled)"), "compiled once, not again on restart:\n" + out);
        try (Stream<Path> kept = Files.list(home.resolve("data/cache/typescript"))) {
            assertEquals(2, kept.filter(file -> file.toString().endsWith(".json")).count(), "the compiled modules are kept");
        }

        var again = PlinthInstance.at(home).script("sim:join Ada", "sim:command Ada greet-ts", "js:info", "sim:inbox Ada");

        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("message: Hello, Ada! (greeting #1)"), again.output());
        assertTrue(again.output().contains("TypeScript 5.9.3 (0 modules compiled)"),
                "the next run reads the cache instead of compiling:\n" + again.output());
    }

    @Test
    void aTypeScriptSyntaxErrorLeavesItsResourceInErrorWithTheTsFileAndLine() throws Exception {
        write("resources/broken-ts/plugin.toml", "[plugin]\nname = \"broken-ts\"\nversion = \"1.0.0\"\nmain = \"main.ts\"\n");
        write("resources/broken-ts/main.ts", "interface A { b: number }\n\nconst a: A = { b: };\n");
        serverJson("");
        var run = PlinthInstance.at(home).script("resource:start broken-ts", "resource:info broken-ts");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("ERR_SCRIPT_EXECUTION: broken-ts: main.ts:3: SyntaxError: Expression expected. "
                + "(TS1109)"), run.output());
    }

    @Test
    void withoutTheJitJavaScriptRunsInterpreted() throws Exception {
        serverJson("");
        var run = PlinthInstance.at(home).scriptWithEnv(Map.of("PLINTH_JIT", "off"), "js:info");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("interpreter (no Graal JIT on this JVM)"), run.output());
        assertFalse(run.output().contains("cannot run the Graal JIT"), "the JIT was turned off on purpose:\n" + run.output());
    }

    @Test
    void aGraalCompilerThatDoesNotStartOnThisJvmIsReportedInOneWarning() throws Exception {
        // The JVM takes bin/plinth's flags and the compiler jars, but Truffle runs its fallback runtime, as it does
        // when the compiler needs a newer JVMCI than this JDK's: bin/plinth's probe cannot see it, the engine does.
        serverJson("");
        var run = PlinthInstance.at(home).scriptWithEnv(
                Map.of("PLINTH_JAVA_OPTS", "-Xmx1g -Dtruffle.UseFallbackRuntime=true"), "js:info");

        assertEquals(0, run.exitCode(), run.output());
        String warning = "WARN  [dev.plinth.lang.js] this JVM cannot run the Graal JIT (The fallback runtime was "
                + "explicitly selected using the -Dtruffle.UseFallbackRuntime option.); JavaScript runs in interpreter "
                + "mode";
        assertEquals(1, run.output().lines().filter(line -> line.contains("cannot run the Graal JIT")).count(),
                run.output());
        assertTrue(run.output().contains(warning), run.output());
        assertTrue(run.output().contains("interpreter (the Graal compiler was refused: The fallback runtime was "
                + "explicitly selected using the -Dtruffle.UseFallbackRuntime option.)"),
                "js:info says the mode and why:\n" + run.output());
    }

    private void deployExamples(String... names) throws IOException {
        Path examples = PlinthInstance.at(home).installDir().resolve("resources");
        for (String name : names) {
            copy(examples.resolve(name), home.resolve("resources").resolve(name));
        }
    }

    @Test
    void aResourceThatKeepsMemoryAcrossCallsIsStoppedForWhatItKeeps() throws Exception {
        // Each task run allocates 4 MB and keeps it: no single call breaks the per-call allocation limit.
        js("hoarder", "const kept = [];\nmc.schedule_repeating(1, () => { kept.push('x'.repeat(4 << 20) + kept.length); });\n");
        js("modest", "const few = [];\nfor (let i = 0; i < 100; i++) { few.push('item ' + i); }\n"
                + "mc.schedule_repeating(1, () => few.length);\n");
        serverJson("\"sandbox\": { \"memory_check_ms\": 200 }", "hoarder", "modest");
        var run = PlinthSession.untilStoppedForLimits(PlinthInstance.at(home), "hoarder", "js");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.matches("(?s).*hoarder stopped for breaking its limits: hoarder: retained memory limit: it keeps "
                + "\\d+\\.\\d MB, more than its limit of 16\\.0 MB \\(max_memory_mb\\).*"), out);
        assertTrue(out.matches("(?s).*\nmodest\\s+plugin\\s+js\\s+1\\.0\\.0\\s+started\\s.*"),
                "a resource keeping little runs on:\n" + out);
    }

    @Test
    void aResourceIsNotStoppedForWhatItsRunningCallReaches() throws Exception {
        // Each tick's task stays in its call for 40 ms, emitting events its own handler takes: the memory monitor (every
        // 100 ms) mostly finds it inside a call, where a walk once counted the host behind the call (the resource, the
        // server) and stopped it. It keeps two counters, far less than its limit of 1 MB.
        js("busy", """
                let calls = 0;
                let handled = 0;
                mc.on('busy:ping', (event) => { handled += event.n; });
                mc.schedule_repeating(1, () => {
                  const end = Date.now() + 40;
                  while (Date.now() < end) { mc.emit('busy:ping', { n: 1 }); }
                  if (++calls === 60) { console.log('busy ran 60 calls'); }
                });
                """);
        write("resources/busy/plugin.toml", "[plugin]\nname = \"busy\"\nversion = \"1.0.0\"\nmain = \"main.js\"\n"
                + "[resources]\nmax_memory_mb = 1\n");
        // What one call may allocate is not what this test is about, and 40 ms of emits have broken the 64 MB default
        // once (a CI run): that bound is raised out of the way; what the resource keeps stays bounded by 1 MB.
        serverJson("\"sandbox\": { \"memory_check_ms\": 100, \"max_call_alloc_mb\": 4096 }", "busy");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.await(o -> o.contains("[busy] busy ran 60 calls"), "60 busy calls");
            session.send("resource:list");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertFalse(out.contains("retained memory limit"), "a resource keeping two counters is not stopped:\n" + out);
        assertTrue(out.matches("(?s).*\nbusy\\s+plugin\\s+js\\s+1\\.0\\.0\\s+started\\s.*"), out);
    }

    @Test
    void anAllocationTheHeapCannotGiveStopsTheResourceAndTheServerGoesOn() throws Exception {
        // 800 MB in one typed array, on a 512 MB heap: the JVM refuses it before the call's allocation counter sees a
        // byte, and JavaScript cannot catch what the engine throws then. Without a stop, the resource could ask again
        // at every call (each refusal a full collection) and never break a limit.
        js("greedy", """
                mc.register_command('grab', { execute: (player, args) => {
                  try { new Float64Array(100000000); } catch (e) { console.log('caught ' + e); }
                }});
                mc.register_command('ping', { execute: (player, args) => player.send_message('pong') });
                """);
        js("bystander", "mc.register_command('still', { execute: (player, args) => player.send_message('here') });");
        serverJson("", "greedy", "bystander");
        var run = PlinthInstance.at(home).scriptWithEnv(Map.of("PLINTH_JAVA_OPTS", "-Xmx512m"),
                "sim:join Ada", "sim:command Ada grab", "sim:command Ada ping", "sim:command Ada still",
                "sim:inbox Ada", "resource:list");

        assertEquals(0, run.exitCode(), run.output());
        // No line: Truffle gives no guest frame with the heap's refusal; the command that failed is named beside it.
        assertTrue(run.output().contains("[greedy] ERR_SCRIPT_EXECUTION: greedy stopped for breaking its limits: greedy: "
                + "memory limit: the Java heap ran out during the call (Java heap space)"), run.output());
        assertTrue(run.output().contains("command /greedy:grab of resource 'greedy' failed for Ada"), run.output());
        assertFalse(run.output().contains("caught"), "the script cannot catch it and go on:\n" + run.output());
        assertTrue(run.output().matches("(?s).*\ngreedy\\s+plugin\\s+js\\s+1\\.0\\.0\\s+error\\s.*"), run.output());
        assertTrue(run.output().contains("message: here"), "the other resources go on:\n" + run.output());
        assertFalse(run.output().contains("message: pong"), "a stopped resource's command does not run:\n" + run.output());
    }

    private void js(String name, String main) throws IOException {
        write("resources/" + name + "/plugin.toml",
                "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\nmain = \"main.js\"\n");
        write("resources/" + name + "/main.js", main);
    }

    /** A Staminal bootstrap mod run on the server, its entry {@code main.js}. */
    private void mod(String name, String main) throws IOException {
        write("resources/" + name + "/manifest.json", "{\"name\": \"" + name + "\", \"version\": \"1.0.0\", "
                + "\"entry_point\": \"main.js\", \"type\": \"bootstrap\", \"execute_on\": \"server\"}\n");
        write("resources/" + name + "/main.js", main);
    }

    private void write(String path, String content) throws IOException {
        Path file = home.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void serverJson(String extra, String... startup) throws IOException {
        var names = String.join(", ", Stream.of(startup).map(n -> "\"" + n + "\"").toList());
        write("conf/server.json", "{\n  \"StartupResources\": [" + names + "]" + (extra.isEmpty() ? "" : ",\n  " + extra)
                + "\n}\n");
    }

    /** Whether the last {@code resource:list} of the output shows a JavaScript plugin in {@code error}. */
    private static boolean inError(String out, String name) {
        return out.matches("(?s).*\n" + name + "\\s+plugin\\s+js\\s+1\\.0\\.0\\s+error\\s.*");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

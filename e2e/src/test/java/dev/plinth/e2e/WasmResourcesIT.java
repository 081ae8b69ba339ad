package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.Folders;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebAssembly plugins in the real distribution: the installation's examples (the seed's plugin on the design ABI,
 * a plugin of the released MC-RS ABI, an Extism plugin, all assembled from the text format when Plinth was built),
 * a module really built by an Extism PDK, a plugin that breaks its limits, and a module saved while it runs (hot reload
 * with its state), each driven through the shell.
 */
class WasmResourcesIT {

    @TempDir
    Path home;

    @Test
    void theExamplePluginsWelcomeFilterAndAnswerThroughTheirAbis() throws Exception {
        deployExamples("wasm-welcome", "mcrs-hello", "extism-greeter");
        serverJson("wasm-welcome", "mcrs-hello", "extism-greeter");
        var run = PlinthInstance.at(home).script(
                "resource:list",
                "sim:join Steve",
                "sim:chat Steve buy spam here",
                "sim:chat Steve hello everyone",
                "sim:command Steve wasminfo",
                "sim:command Steve hi",
                "wasm:call extism-greeter greet Steve and Alex",
                "wasm:call wasm-welcome on_enable",
                "wasm:call extism-greeter",
                "help wasm:call",
                "sim:inbox Steve");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        for (String name : List.of("wasm-welcome", "mcrs-hello", "extism-greeter")) {
            assertTrue(out.matches("(?s).*\n" + name + "\\s+plugin\\s+wasm\\s+1\\.0\\.0\\s+started.*"),
                    name + " started:\n" + out);
        }
        assertTrue(out.contains("MonPlugin activé !"), "on_enable logged:\n" + out);
        assertTrue(out.contains("message: §aBienvenue Steve !"), "the design ABI's welcome:\n" + out);
        assertTrue(out.contains("message: A player joined: released MC-RS ABI"), "the released ABI's:\n" + out);
        assertTrue(out.contains("message: An Extism plugin welcomes a new player"), "the Extism plugin's:\n" + out);
        assertTrue(out.contains("Steve's message was cancelled"), "a chat line with spam is cancelled:\n" + out);
        assertTrue(out.contains("message: §cMessage interdit !"), "and its author told why:\n" + out);
        assertTrue(out.contains("'Steve: hello everyone' sent to 1 player(s)"), out);
        assertTrue(out.contains("/wasminfo: executed"), out);
        assertTrue(out.contains("message: §6wasm-welcome: the MC-RS design ABI on Chicory"), out);
        assertTrue(out.contains("/hi: executed"), out);
        assertTrue(out.contains("message: Hello from the released MC-RS ABI!"), "the length-prefixed reply:\n" + out);
        assertTrue(out.contains("Hello, Steve and Alex!"), "wasm:call printed the output:\n" + out);
        assertTrue(out.contains("ERROR: missing or wrong arguments; usage: wasm:call RESOURCE FUNCTION INPUT..."),
                out);
        assertTrue(out.contains("usage: wasm:call RESOURCE FUNCTION INPUT...\n  call an export of an Extism plugin"),
                out);
        assertTrue(out.contains("ERROR: wasm-welcome is a plugin of the MC-RS design ABI: only Extism plugins take an "
                + "input and give an output"), out);
    }

    @Test
    @RequiresCorpus("wasm/extism")
    void aModuleBuiltByAnExtismPdkRunsAndIsCalledFromTheShell() throws Exception {
        Path plugin = home.resolve("resources/vowels");
        Files.createDirectories(plugin);
        Files.copy(Corpus.path("wasm/extism/code.wasm"), plugin.resolve("code.wasm"));
        Files.writeString(plugin.resolve("plugin.toml"), """
                [plugin]
                name = "vowels"
                version = "1.0.0"
                main = "code.wasm"
                abi = "extism"
                """);
        serverJson("vowels");
        var run = PlinthInstance.at(home).script(
                "wasm:call vowels count_vowels Hello World",
                "wasm:call vowels count_vowels Hello World",
                "wasm:call vowels nothing_here",
                "resource:info vowels");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("{\"count\":3,\"total\":3,\"vowels\":\"aeiouAEIOU\"}"), out);
        assertTrue(out.contains("{\"count\":3,\"total\":6,\"vowels\":\"aeiouAEIOU\"}"), "its variables live on:\n" + out);
        assertTrue(out.contains("ERROR: vowels: code.wasm exports no function nothing_here"), out);
        assertTrue(out.matches("(?s).*state\\s+started.*"), out);
    }

    @Test
    void aPluginThatSpinsIsStoppedAndTheServerKeepsItsTicks() throws Exception {
        plugin("spinner", "spin.wat", """
                (module
                  (func (export "on_tick") (param i64) (loop $forever (br $forever))))
                """);
        serverJson("spinner");
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.await(o -> o.contains("ERR_SCRIPT_EXECUTION: spinner stopped for breaking its limits"),
                    "the spinning plugin is stopped");
            session.poll("resource:list", o -> o.matches("(?s).*\nspinner\\s+plugin\\s+wasm\\s+1\\.0\\.0\\s+error\\s.*"),
                    "spinner is in error");
            session.send("resource:info spinner");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertTrue(out.contains("ERR_SCRIPT_EXECUTION: spinner stopped for breaking its limits: spinner: spin.wat: "
                + "on_tick: fuel per call exhausted (1000000 instructions)"), out);
        assertTrue(out.matches("(?s).*state\\s+error.*"), out);
    }

    /** Counts chat lines (at most 9), answers {@code /count} with {@code VERSION counted N}, hands N over. */
    private static String counter(String version) {
        return """
                (module
                  (import "env" "mc_send_message" (func $send (param i64 i32 i32)))
                  (import "env" "mc_register_command" (func $command (param i32 i32 i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 0) "count")
                  (data (i32.const 16) "%s counted 0")
                  (global $n (mut i32) (i32.const 0))
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_enable")
                    (drop (call $command (i32.const 0) (i32.const 5) (i32.const 0) (i32.const 0) (i32.const 0)
                      (i32.const 0))))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32)
                    (global.set $n (i32.add (global.get $n) (i32.const 1))) (i32.const 0))
                  (func (export "on_command") (param $p i64) (param i32 i32 i32 i32) (result i32)
                    (i32.store8 (i32.const 27) (i32.add (i32.const 48) (global.get $n)))
                    (call $send (local.get $p) (i32.const 16) (i32.const 12)) (i32.const 0))
                  (func (export "on_save_state") (result i64)
                    (i32.store8 (i32.const 32) (i32.add (i32.const 48) (global.get $n)))
                    (i64.or (i64.shl (i64.const 32) (i64.const 32)) (i64.const 1)))
                  (func (export "on_restore_state") (param $ptr i32) (param $len i32)
                    (global.set $n (i32.sub (i32.load8_u (local.get $ptr)) (i32.const 48)))))
                """.formatted(version);
    }

    @Test
    void aSavedModuleReloadsWithItsStateAndABrokenOneIsRefused() throws Exception {
        Path plugin = plugin("counter", "counter.wat", counter("v1"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), """
                {"StartupResources": ["counter"], "DevResources": ["counter"], "HotReloadDebounceMs": 100}
                """);
        String out;
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            session.send("sim:join alice");
            session.send("sim:chat alice one");
            session.send("sim:chat alice two");
            session.await(o -> o.contains("'alice: two' sent"), "alice chatted");

            Files.writeString(plugin.resolve("counter.wat"), counter("v2"));
            session.await(o -> o.contains("[reload] counter 1.0.0 in "), "the saved module is live");
            session.send("sim:command alice count");
            session.poll("sim:inbox alice", o -> o.contains("v2 counted 2"), "the new version counts on");

            Files.writeString(plugin.resolve("counter.wat"),
                    "(module\n  (func (export \"on_enable\")\n    i32.cnst 1))\n");
            session.await(o -> o.contains("[reload] counter: counter.wat:3:5: unexpected token i32.cnst, expected ). "
                    + "— still running the previous version"), "the broken save is refused");
            session.send("sim:chat alice three");
            session.send("sim:command alice count");
            session.poll("sim:inbox alice", o -> o.contains("v2 counted 3"), "the previous version still serves");
            exit = session.finish();
            out = session.output();
        }

        assertEquals(0, exit, out);
        assertTrue(out.matches("(?s).*INFO  \\[dev\\.plinth\\.core\\.resource] \\[reload] counter 1\\.0\\.0 in \\d+ ms "
                + "\\(\\d+\\.\\d ms on the game thread\\).*"), out);
    }

    /** Writes a plugin of the design ABI whose module is text; {@return its folder} */
    private Path plugin(String name, String file, String wat) throws IOException {
        Path plugin = Files.createDirectories(home.resolve("resources").resolve(name));
        Files.writeString(plugin.resolve("plugin.toml"), "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\n"
                + "main = \"" + file + "\"\n");
        Files.writeString(plugin.resolve(file), wat);
        return plugin;
    }

    private void deployExamples(String... names) throws IOException {
        Path examples = PlinthInstance.at(home).installDir().resolve("resources");
        for (String name : names) {
            Folders.copy(examples.resolve(name), home.resolve("resources").resolve(name));
        }
    }

    private void serverJson(String... startup) throws IOException {
        var names = String.join(", ", Stream.of(startup).map(n -> "\"" + n + "\"").toList());
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), """
                {
                  "StartupResources": [%s]
                }
                """.formatted(names));
    }
}

package dev.plinth.itest.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebAssembly plugins of the three ABIs in a real framework, with the real host and the simulated server: the
 * design document's ABI ({@code env}, {@code mc_*}, {@code on_*}), the released MC-RS's ({@code mcrs},
 * {@code __on_event} JSON), and Extism's.
 */
class WasmPluginsTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
        runtime.await(Scheduler.class);
        runtime.await(Commands.class);
        simulation.pause();
    }

    @AfterEach
    void cleanUp() throws IOException {
        simulation.resume();
        home.close();
        runtime.close();
    }

    /** The design ABI's seed plugin: welcome on join, spam filter, a command, a task. */
    static final String SEED = """
            (module
              (import "env" "mc_broadcast" (func $broadcast (param i32 i32)))
              (import "env" "mc_send_message" (func $send (param i64 i32 i32)))
              (import "env" "mc_get_player_name" (func $name (param i64 i32 i32) (result i32)))
              (import "env" "mc_register_command" (func $register (param i32 i32 i32 i32 i32 i32) (result i32)))
              (import "env" "mc_schedule_task" (func $later (param i32 i32) (result i64)))
              (memory (export "memory") 1)
              (data (i32.const 16) "Bienvenue ")
              (data (i32.const 32) "spam")
              (data (i32.const 48) "no spam here")
              (data (i32.const 64) "wa-ping")
              (data (i32.const 80) "pong: ")
              (data (i32.const 96) "task 7 ran")
              (global $heap (mut i32) (i32.const 8192))
              (func (export "alloc") (param $n i32) (result i32)
                (local $p i32) (local.set $p (global.get $heap))
                (global.set $heap (i32.add (global.get $heap) (local.get $n))) (local.get $p))
              (func (export "on_enable")
                (drop (call $register (i32.const 64) (i32.const 7) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))))
              (func (export "on_player_join") (param $p i64)
                (local $len i32)
                (i32.store (i32.const 1020) (i32.const 100))
                (drop (call $name (local.get $p) (i32.const 1034) (i32.const 1020)))
                (local.set $len (i32.load (i32.const 1020)))
                (memory.copy (i32.const 1024) (i32.const 16) (i32.const 10))
                (call $broadcast (i32.const 1024) (i32.add (i32.const 10) (local.get $len)))
                (drop (call $later (i32.const 2) (i32.const 7))))
              (func (export "on_task") (param $callback i32)
                (if (i32.eq (local.get $callback) (i32.const 7)) (then (call $broadcast (i32.const 96) (i32.const 10)))))
              (func (export "on_player_chat") (param $p i64) (param $ptr i32) (param $len i32) (result i32)
                (local $i i32)
                (block $done (loop $scan
                  (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $len)))
                  (if (i32.eq (i32.load (i32.add (local.get $ptr) (local.get $i))) (i32.load (i32.const 32)))
                    (then (call $send (local.get $p) (i32.const 48) (i32.const 12)) (return (i32.const 1))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $scan)))
                (i32.const 0))
              (func (export "on_command") (param $p i64) (param $n i32) (param $nl i32) (param $a i32) (param $al i32)
                (result i32)
                (memory.copy (i32.const 4096) (i32.const 80) (i32.const 6))
                (memory.copy (i32.const 4102) (local.get $a) (local.get $al))
                (call $send (local.get $p) (i32.const 4096) (i32.add (i32.const 6) (local.get $al)))
                (i32.const 0)))
            """;

    @Test
    void theDesignAbiPluginWelcomesFiltersAnswersAndRunsItsTask() throws IOException {
        WasmFolders.deploy(home, "wa-seed", "", SEED);
        home.service.start("wa-seed");

        simulation.join("wa_alice");
        assertTrue(simulation.inbox("wa_alice").stream().anyMatch(l -> l.endsWith("message: Bienvenue wa_alice")),
                simulation.inbox("wa_alice").toString());
        assertEquals("wa_alice's message was cancelled", simulation.chat("wa_alice", "buy spam now"));
        assertTrue(simulation.inbox("wa_alice").getLast().endsWith("message: no spam here"),
                simulation.inbox("wa_alice").toString());
        assertTrue(simulation.chat("wa_alice", "hello").startsWith("'wa_alice: hello"));
        assertEquals("/wa-ping: executed", simulation.command("wa_alice", "wa-ping one two"));
        assertTrue(simulation.inbox("wa_alice").getLast().endsWith("message: pong: one two"));
        simulation.tick(3);
        assertTrue(simulation.inbox("wa_alice").stream().anyMatch(l -> l.endsWith("message: task 7 ran")),
                simulation.inbox("wa_alice").toString());

        home.service.stop("wa-seed");
        assertEquals("/wa-ping: unknown", simulation.command("wa_alice", "wa-ping"), "its command went with it");
        assertTrue(simulation.chat("wa_alice", "more spam").startsWith("'wa_alice: more spam"), "its handler too");
        simulation.quit("wa_alice");
    }

    @Test
    void aReleasedMcRsPluginGetsEventsAsJsonAndRepliesToItsCommand() throws IOException {
        home.folder("wa-mcrs", Map.of("plugin.toml", """
                [plugin]
                name = "wa-mcrs"
                version = "1.0.0"
                wasm_file = "plugin.wat"

                [limits]
                fuel_per_event = 2000000
                """, "plugin.wat", """
                (module
                  (import "mcrs" "broadcast_message" (func $broadcast (param i32 i32)))
                  (import "mcrs" "register_command" (func $register (param i32 i32 i32 i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "{\\"PlayerJoin\\"")
                  (data (i32.const 32) "hi")
                  (data (i32.const 48) "\\05\\00\\00\\00hello")
                  (global $heap (mut i32) (i32.const 4096))
                  (func (export "__malloc") (param $n i32) (result i32)
                    (local $p i32) (local.set $p (global.get $heap))
                    (global.set $heap (i32.add (global.get $heap) (local.get $n))) (local.get $p))
                  (func (export "__on_enable") (call $register (i32.const 32) (i32.const 2) (i32.const 0) (i32.const 0)))
                  ;; broadcasts the event's JSON when it is a PlayerJoin
                  (func (export "__on_event") (param $ptr i32) (param $len i32) (result i32)
                    (if (i64.eq (i64.load (local.get $ptr)) (i64.load (i32.const 16)))
                      (then (call $broadcast (local.get $ptr) (local.get $len))))
                    (i32.const 0))
                  (func (export "__on_command") (param $ptr i32) (param $len i32) (result i32)
                    (call $broadcast (local.get $ptr) (local.get $len))
                    (i32.const 48)))
                """));
        home.awaitListed("wa-mcrs");
        home.service.start("wa-mcrs");

        simulation.join("wa_bob");
        List<String> inbox = simulation.inbox("wa_bob");
        assertTrue(inbox.stream().anyMatch(l -> l.contains("message: {\"PlayerJoin\":{\"player\":{\"name\":\"wa_bob\","
                + "\"uuid\":\"") && l.contains("\"gamemode\":0,\"health\":20.0}}}")), inbox.toString());
        assertEquals("/hi: executed", simulation.command("wa_bob", "hi there"));
        inbox = simulation.inbox("wa_bob");
        assertTrue(inbox.get(inbox.size() - 2).endsWith("message: {\"command\":\"hi\",\"args\":[\"there\"],"
                + "\"sender\":\"wa_bob\"}"), inbox.toString());
        assertTrue(inbox.getLast().endsWith("message: hello"), "the length-prefixed reply: " + inbox);
        simulation.quit("wa_bob");
    }

    @Test
    void anImportOfADeniedPermissionFailsTheStartNamingImportAndPermission() throws IOException {
        WasmFolders.deploy(home, "wa-denied", "[permissions]\nplayer = true\nworld = false\n", """
                (module (import "env" "mc_set_block" (func (param i32 i32 i32 i32))))
                """);

        var e = assertThrows(ResourceException.class,
                () -> home.service.start("wa-denied"));
        assertEquals("ERR_SCRIPT_EXECUTION: wa-denied: main.wat: imports env.mc_set_block, which needs the "
                + "permission 'world': [permissions] does not grant it (world = true would)", e.getMessage());
        assertEquals(ResourceState.ERROR, home.service.info("wa-denied").state());
    }

    @Test
    void aModuleWithASyntaxErrorFailsTheStartWithFileLineAndColumn() throws IOException {
        WasmFolders.deploy(home, "wa-typo", "", "(module\n  (func (export \"on_enable\")\n    i32.cnst 1))\n");

        var e = assertThrows(ResourceException.class,
                () -> home.service.start("wa-typo"));
        assertEquals("ERR_SCRIPT_EXECUTION: wa-typo: main.wat:3:5: unexpected token i32.cnst, expected ).",
                e.getMessage());
        assertFalse(home.service.info("wa-typo").lastError().isEmpty());
    }
}

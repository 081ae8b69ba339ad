package dev.plinth.itest.wasm;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hot reload of WebAssembly resources in a real framework: the module's {@code on_save_state} hands its state (JSON in
 * its memory) to the next version's {@code on_restore_state}, which then runs {@code on_reload} and is replayed the
 * players online; an Extism plugin's state goes the same way through its exports' output and input; a stop followed
 * by a start hands nothing over; a module that does not assemble is refused before
 * anything stops, and the next good save reloads; a state over the limit refuses the reload; a watched resource
 * reloads when its {@code .wat} is saved.
 */
class WasmHotReloadTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "core:hotReload:complete", "core:hotReload:failed",
            "resource:stopped");
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
        runtime.await(Commands.class);
    }

    @AfterEach
    void cleanUp() throws IOException {
        simulation.quit("wr_alice");
        events.close();
        home.settings("{}");
        home.close();
        runtime.close();
    }

    /**
     * A counter of chat lines (an {@code x} each, kept from 200 on) that welcomes who joins, answers
     * {@code /wr-count} with {@code VERSION counted xxx}, saves its count as a JSON string ({@code "xxx"}, written at
     * 61000) and broadcasts when it replaced a previous version.
     */
    static String counter(String version) {
        return """
                (module
                  (import "env" "mc_send_message" (func $send (param i64 i32 i32)))
                  (import "env" "mc_broadcast" (func $broadcast (param i32 i32)))
                  (import "env" "mc_register_command" (func $command (param i32 i32 i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 100) "wr-count")
                  (data (i32.const 120) "%1$s welcome")
                  (data (i32.const 140) "%1$s reloaded")
                  (data (i32.const 189) "%1$s counted ")
                  (global $n (mut i32) (i32.const 0))
                  (global $heap (mut i32) (i32.const 4096))
                  (func (export "alloc") (param $len i32) (result i32) (local $p i32)
                    (if (i32.gt_u (global.get $heap) (i32.const 60000)) (then (global.set $heap (i32.const 4096))))
                    (local.set $p (global.get $heap))
                    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
                    (local.get $p))
                  (func (export "on_enable") (drop (call $command (i32.const 100) (i32.const 8) (i32.const 0)
                    (i32.const 0) (i32.const 0) (i32.const 0))))
                  (func (export "on_player_join") (param $p i64)
                    (call $send (local.get $p) (i32.const 120) (i32.const 10)))
                  (func (export "on_player_chat") (param $p i64) (param $ptr i32) (param $len i32) (result i32)
                    (i32.store8 (i32.add (i32.const 200) (global.get $n)) (i32.const 120))
                    (global.set $n (i32.add (global.get $n) (i32.const 1)))
                    (i32.const 0))
                  (func (export "on_command") (param $p i64) (param i32 i32 i32 i32) (result i32)
                    (call $send (local.get $p) (i32.const 189) (i32.add (i32.const 11) (global.get $n)))
                    (i32.const 0))
                  (func (export "on_save_state") (result i64)
                    (i32.store8 (i32.const 61000) (i32.const 34))
                    (memory.copy (i32.const 61001) (i32.const 200) (global.get $n))
                    (i32.store8 (i32.add (i32.const 61001) (global.get $n)) (i32.const 34))
                    (i64.or (i64.shl (i64.const 61000) (i64.const 32))
                      (i64.extend_i32_u (i32.add (global.get $n) (i32.const 2)))))
                  (func (export "on_restore_state") (param $ptr i32) (param $len i32)
                    (global.set $n (i32.sub (local.get $len) (i32.const 2)))
                    (memory.copy (i32.const 200) (i32.add (local.get $ptr) (i32.const 1)) (global.get $n)))
                  (func (export "on_reload") (call $broadcast (i32.const 140) (i32.const 11))))
                """.formatted(version);
    }

    private void deployCounter() throws IOException {
        WasmFolders.deploy(home, "wr-count", "", counter("v1"));
        home.service.start("wr-count");
        simulation.join("wr_alice");
        for (int i = 0; i < 3; i++) {
            simulation.chat("wr_alice", "line " + i);
        }
    }

    private void rewrite(String wat) throws IOException {
        home.folder("wr-count", Map.of("main.wat", wat));
    }

    private String answer() {
        simulation.command("wr_alice", "wr-count");
        return simulation.inbox("wr_alice").getLast();
    }

    @Test
    void theNewVersionGetsTheStateRunsOnReloadAndIsReplayedThePlayersOnline() throws IOException {
        deployCounter();
        rewrite(counter("v2"));

        LifecycleResult result = home.service.restart("wr-count");

        assertEquals("restarted wr-count 1.0.0 with its new content", result.message());
        events.await("core:hotReload:complete");
        List<String> inbox = simulation.inbox("wr_alice");
        assertTrue(inbox.stream().anyMatch(l -> l.endsWith("v1 welcome")), inbox.toString());
        assertTrue(inbox.stream().anyMatch(l -> l.endsWith("v2 reloaded")), inbox.toString());
        assertTrue(inbox.getLast().endsWith("v2 welcome"), "the player online is replayed to v2: " + inbox);
        assertTrue(simulation.players().stream().anyMatch(l -> l.startsWith("wr_alice")), "alice stayed online");
        assertTrue(answer().endsWith("v2 counted xxx"), simulation.inbox("wr_alice").toString());
        simulation.chat("wr_alice", "one more");
        assertTrue(answer().endsWith("v2 counted xxxx"), simulation.inbox("wr_alice").toString());
    }

    /**
     * An Extism plugin counting chat lines (at most 9): {@code /wxr-count} outputs {@code VERSION count N rR} (R: the
     * times {@code on_reload} ran), {@code on_save_state} outputs the count as one JSON digit, {@code on_restore_state}
     * reads it from its input.
     */
    static String extismCounter(String version) {
        return """
                (module
                  (import "extism:host/user" "mc_register_command" (func $register (param i64) (result i64)))
                """ + WasmFolders.EXTISM_KERNEL + """
                  (memory (export "memory") 1)
                  (data (i32.const 64) "{\\"name\\":\\"wxr-count\\",\\"description\\":\\"counts\\"}")
                  (data (i32.const 128) "{\\"message\\":\\"%1$s count 0 r0\\"}")
                  (global $n (mut i32) (i32.const 0))
                  (global $reloads (mut i32) (i32.const 0))
                  (func (export "on_enable") (result i32)
                    (drop (call $register (call $to_block (i32.const 64) (i32.const 43)))) (i32.const 0))
                  (func (export "on_player_chat") (result i32)
                    (global.set $n (i32.add (global.get $n) (i32.const 1))) (i32.const 0))
                  (func (export "on_command") (result i32)
                    (i32.store8 (i32.const 149) (i32.add (i32.const 48) (global.get $n)))
                    (i32.store8 (i32.const 152) (i32.add (i32.const 48) (global.get $reloads)))
                    (call $output_set (call $to_block (i32.const 128) (i32.const 27)) (i64.const 27)) (i32.const 0))
                  (func (export "on_save_state") (result i32) (local $p i64)
                    (local.set $p (call $alloc (i64.const 1)))
                    (call $store_u8 (local.get $p) (i32.add (i32.const 48) (global.get $n)))
                    (call $output_set (local.get $p) (i64.const 1)) (i32.const 0))
                  (func (export "on_restore_state") (result i32)
                    (global.set $n (i32.sub (call $input_load_u8 (i64.const 0)) (i32.const 48))) (i32.const 0))
                  (func (export "on_reload") (result i32)
                    (global.set $reloads (i32.add (global.get $reloads) (i32.const 1))) (i32.const 0)))
                """.formatted(version);
    }

    @Test
    void anExtismPluginHandsItsStateToTheNextVersionWhichRunsOnReloadAndAStopStartsAfresh() throws IOException {
        WasmFolders.deploy(home, "wxr-count", "abi = \"extism\"\n", extismCounter("v1"));
        home.service.start("wxr-count");
        simulation.join("wr_alice");
        for (int i = 0; i < 3; i++) {
            simulation.chat("wr_alice", "line " + i);
        }
        assertEquals("/wxr-count: executed", simulation.command("wr_alice", "wxr-count"));
        assertTrue(simulation.inbox("wr_alice").getLast().endsWith("v1 count 3 r0"),
                simulation.inbox("wr_alice").toString());

        home.folder("wxr-count", Map.of("main.wat", extismCounter("v2")));
        assertEquals("restarted wxr-count 1.0.0 with its new content", home.service.restart("wxr-count").message());
        events.await("core:hotReload:complete");
        simulation.command("wr_alice", "wxr-count");
        assertTrue(simulation.inbox("wr_alice").getLast().endsWith("v2 count 3 r1"),
                "v2 got the count and ran on_reload: " + simulation.inbox("wr_alice"));

        home.service.stop("wxr-count");
        home.service.start("wxr-count");
        simulation.command("wr_alice", "wxr-count");
        assertTrue(simulation.inbox("wr_alice").getLast().endsWith("v2 count 0 r0"),
                "a stop and a start hand nothing over: " + simulation.inbox("wr_alice"));
    }

    @Test
    void aStopFollowedByAStartHandsNothingOver() throws IOException {
        deployCounter();
        int before = simulation.inbox("wr_alice").size();

        home.service.stop("wr-count");
        home.service.start("wr-count");

        assertTrue(answer().endsWith("v1 counted "), simulation.inbox("wr_alice").toString());
        List<String> since = simulation.inbox("wr_alice").subList(before, simulation.inbox("wr_alice").size());
        assertFalse(since.stream().anyMatch(l -> l.endsWith("reloaded")), "no on_reload: " + since);
    }

    @Test
    void aModuleThatDoesNotAssembleIsRefusedAndThePreviousVersionKeepsServing() throws IOException {
        deployCounter();
        rewrite("(module\n  (func (export \"on_enable\")\n    i32.cnst 1))\n");

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("wr-count"));

        assertEquals("ERR_RESTART_ROLLBACK_APPLIED: wr-count: the new content does not compile (wr-count: main.wat:3:5: "
                + "unexpected token i32.cnst, expected ).); the previous content (version 1.0.0) keeps running",
                refused.getMessage());
        events.await("core:hotReload:failed");
        assertFalse(events.lines().contains("resource:stopped {resourceName=wr-count}"), "it never stopped");
        simulation.chat("wr_alice", "still counted");
        assertTrue(answer().endsWith("v1 counted xxxx"), simulation.inbox("wr_alice").toString());

        rewrite(counter("v3"));
        home.service.restart("wr-count");
        assertTrue(answer().endsWith("v3 counted xxxx"), "the next good save reloads, the state intact");
    }

    @Test
    void aStateOverTheLimitRefusesTheReloadBeforeAnythingStops() throws IOException {
        home.settings("{\"HotReloadMaxStateKb\": 1}");
        deployCounter();
        for (int i = 0; i < 1100; i++) {
            simulation.chat("wr_alice", "line");
        }
        rewrite(counter("v2"));

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("wr-count"));

        assertTrue(refused.getMessage().contains("the state of wr-count could not be saved (wr-count: its reload state "
                + "is larger than the limit of 1024 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("nothing was stopped, the previous version keeps running"),
                refused.getMessage());
        assertTrue(answer().endsWith("v1 counted " + "x".repeat(1103)), "v1 still counts");
    }

    @Test
    void aWatchedResourceReloadsWhenItsModuleIsSaved() throws IOException {
        home.settings("{\"HotReloadDebounceMs\": 200}");
        deployCounter();
        home.service.watch("wr-count", true);

        Path module = home.resources.resolve("wr-count/main.wat");
        Files.writeString(module, counter("v2"));

        events.await("core:hotReload:complete");
        assertEquals(ResourceState.STARTED, home.service.info("wr-count").state());
        assertTrue(answer().endsWith("v2 counted xxx"), simulation.inbox("wr_alice").toString());
    }
}

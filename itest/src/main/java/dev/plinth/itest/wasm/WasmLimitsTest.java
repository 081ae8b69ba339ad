package dev.plinth.itest.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A WebAssembly plugin that breaks its limits, in a real framework, tried as an attacker would: endless loops with the
 * fuel raised, traps of every kind, bad pointers, {@code proc_exit}, too much memory. Each bad call is aborted and the
 * game goes on; repeated offences stop the resource in {@code error} with a message naming the export and the cause.
 */
class WasmLimitsTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "resource:stopped");
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
        simulation.pause();
        simulation.join("wl_eve");
    }

    @AfterEach
    void cleanUp() throws IOException {
        simulation.quit("wl_eve");
        simulation.resume();
        events.close();
        home.close();
        runtime.close();
    }

    /** A chat handler that traps in the way the line's first letter says. */
    private static final String TRAPS = """
            (module
              (import "env" "mc_broadcast" (func $broadcast (param i32 i32)))
              (memory (export "memory") 1)
              (global $heap (mut i32) (i32.const 8192))
              (func (export "alloc") (param $n i32) (result i32)
                (local $p i32) (local.set $p (global.get $heap))
                (global.set $heap (i32.add (global.get $heap) (local.get $n))) (local.get $p))
              (func $deep (param i32) (result i32) (i32.add (call $deep (local.get 0)) (i32.const 1)))
              (func (export "on_player_chat") (param $p i64) (param $ptr i32) (param $len i32) (result i32)
                (local $c i32)
                (global.set $heap (i32.const 8192))
                (local.set $c (i32.load8_u (local.get $ptr)))
                (if (i32.eq (local.get $c) (i32.const 117)) (then unreachable))                         ;; u
                (if (i32.eq (local.get $c) (i32.const 111)) (then (drop (i32.load (i32.const 70000)))))  ;; o
                (if (i32.eq (local.get $c) (i32.const 100))                                             ;; d
                  (then (drop (i32.div_s (i32.const 1) (i32.sub (local.get $len) (local.get $len))))))
                (if (i32.eq (local.get $c) (i32.const 114)) (then (drop (call $deep (i32.const 0)))))   ;; r
                (if (i32.eq (local.get $c) (i32.const 112))                                             ;; p
                  (then (call $broadcast (i32.const 0xFFFF0000) (i32.const 16))))
                (i32.const 0)))
            """;

    @Test
    void trapsEndTheCallAndRepeatedTrapsStopThePlugin() throws IOException {
        WasmFolders.deploy(home, "wl-traps", "", TRAPS);
        home.service.start("wl-traps");

        assertTrue(simulation.chat("wl_eve", "unreachable").startsWith("'wl_eve: unreachable"), "the chat goes on");
        assertTrue(simulation.chat("wl_eve", "out of bounds").startsWith("'wl_eve: out of bounds"));
        assertEquals(ResourceState.STARTED, home.service.info("wl-traps").state(), "two traps are not three");
        simulation.chat("wl_eve", "recursion without end");

        String error = home.awaitState("wl-traps", ResourceState.ERROR).lastError().orElseThrow();
        assertTrue(error.startsWith("ERR_SCRIPT_EXECUTION: wl-traps stopped for breaking its limits: wl-traps: "
                + "main.wat: on_player_chat trapped: "), error);
        assertTrue(error.contains("call stack exhausted"), error);
        assertEquals("resource:stopped {error=" + error + ", resourceName=wl-traps}", events.await("resource:stopped"));
        long now = simulation.tick(1);
        assertEquals(now + 3, simulation.tick(3), "the server ticks on");
    }

    @Test
    void aBadPointerOrADivisionByZeroIsATrapOfThePluginNamingTheHostFunction() throws IOException {
        home.settings("{\"sandbox\": {\"max_offences\": 2}}");
        WasmFolders.deploy(home, "wl-pointer", "", TRAPS);
        home.service.start("wl-pointer");

        simulation.chat("wl_eve", "divide");
        simulation.chat("wl_eve", "pointer");

        String error = home.awaitState("wl-pointer", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-pointer stopped for breaking its limits: wl-pointer: main.wat: "
                + "on_player_chat trapped: mc_broadcast: pointer 4294901760 + length 16 is outside the module's memory "
                + "(65536 bytes)", error);
    }

    @Test
    void anEndlessLoopRunsOutOfFuelAndTheServerKeepsTicking() throws IOException {
        WasmFolders.deploy(home, "wl-spin", "[resources]\nmax_fuel_per_tick = 100000000\n", """
                (module (memory (export "memory") 1)
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32) (loop $l (br $l)) (i32.const 0)))
                """);
        home.service.start("wl-spin");

        for (int call = 1; call <= 2; call++) {
            long before = simulation.tick(1);
            assertTrue(simulation.chat("wl_eve", "spin " + call).startsWith("'wl_eve: spin " + call));
            assertEquals(before + 1, simulation.tick(1), "the next tick comes");
        }
        simulation.chat("wl_eve", "spin 3");

        String error = home.awaitState("wl-spin", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-spin stopped for breaking its limits: wl-spin: main.wat: "
                + "on_player_chat: fuel per call exhausted (1000000 instructions)", error);
    }

    @Test
    void theTicksBudgetBelowTheCallsEndsTheCallAndOneOffencePerTickStopsThePlugin() throws IOException {
        WasmFolders.deploy(home, "wl-tick", "[resources]\nmax_fuel_per_tick = 100000\n", """
                (module (memory (export "memory") 1)
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32) (loop $l (br $l)) (i32.const 0)))
                """);
        home.service.start("wl-tick");

        for (int tick = 1; tick <= 2; tick++) {
            assertTrue(simulation.chat("wl_eve", "spin " + tick).startsWith("'wl_eve: spin " + tick));
            assertTrue(simulation.chat("wl_eve", "again " + tick).startsWith("'wl_eve: again " + tick),
                    "the tick's budget is spent: the call ends at once");
            assertEquals(ResourceState.STARTED, home.service.info("wl-tick").state(), "one offence a tick");
            simulation.tick(1);
        }
        simulation.chat("wl_eve", "spin 3");

        String error = home.awaitState("wl-tick", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-tick stopped for breaking its limits: wl-tick: main.wat: "
                + "on_player_chat: fuel per tick exhausted (100000 instructions)", error);
    }

    @Test
    void withItsFuelRaisedAnEndlessLoopIsInterruptedByTheWatchdog() throws IOException {
        home.settings("{\"sandbox\": {\"call_timeout_ms\": 300, \"max_fuel_per_tick_cap\": 1000000000000000},"
                + " \"wasm\": {\"fuel_per_call\": 1000000000000000}}");
        WasmFolders.deploy(home, "wl-clock", "[resources]\nmax_fuel_per_tick = 1000000000000000\n", """
                (module (memory (export "memory") 1)
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32) (loop $l (br $l)) (i32.const 0)))
                """);
        home.service.start("wl-clock");

        long started = System.nanoTime();
        assertTrue(simulation.chat("wl_eve", "spin").startsWith("'wl_eve: spin"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5_000, "interrupted after its 300 ms, not its fuel: " + millis + " ms");
        assertEquals(ResourceState.STARTED, home.service.info("wl-clock").state());
        simulation.chat("wl_eve", "spin");
        simulation.chat("wl_eve", "spin");

        String error = home.awaitState("wl-clock", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-clock stopped for breaking its limits: wl-clock: main.wat: "
                + "on_player_chat: interrupted: the call ran too long (the wall-clock bound of the call)", error);
        long now = simulation.tick(1);
        assertEquals(now + 1, simulation.tick(1), "the game thread was not left interrupted");
    }

    /** A chat handler whose host calls go wrong: a teleport the game refuses ({@code t}), too many items ({@code g}). */
    private static final String HOST_FAILURES = """
            (module
              (import "env" "mc_teleport" (func $teleport (param i64 f64 f64 f64)))
              (import "env" "mc_give_item" (func $give (param i64 i32 i32 i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "minecraft:stone")
              (func (export "alloc") (param i32) (result i32) (i32.const 1024))
              (func (export "on_player_chat") (param $p i64) (param $ptr i32) (param $len i32) (result i32)
                (if (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 116))                                   ;; t
                  (then (call $teleport (local.get $p) (f64.const nan) (f64.const 64) (f64.const 0))))
                (if (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 103))                                   ;; g
                  (then (call $give (local.get $p) (i32.const 16) (i32.const 15) (i32.const 100000))))
                (i32.const 0)))
            """;

    @Test
    void aJavaExceptionInAHostFunctionIsATrapNamingItAndRepeatedOnesStopThePlugin() throws IOException {
        WasmFolders.deploy(home, "wl-throw", "", HOST_FAILURES);
        home.service.start("wl-throw");

        assertTrue(simulation.chat("wl_eve", "give").startsWith("'wl_eve: give"), "the chat goes on");
        assertTrue(simulation.chat("wl_eve", "teleport").startsWith("'wl_eve: teleport"), "the chat goes on");
        assertEquals(ResourceState.STARTED, home.service.info("wl-throw").state(), "two traps are not three");
        simulation.chat("wl_eve", "teleport again");

        String error = home.awaitState("wl-throw", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-throw stopped for breaking its limits: wl-throw: main.wat: "
                + "on_player_chat trapped: mc_teleport failed: IllegalArgumentException: a position needs finite "
                + "coordinates: NaN, 64.0, 0.0", error);
        long now = simulation.tick(1);
        assertEquals(now + 2, simulation.tick(2), "the server ticks on");
    }

    @Test
    void moreItemsThanAnInventoryHoldsAreRefusedWhateverTheFuel() throws IOException {
        home.settings("{\"sandbox\": {\"max_offences\": 1, \"max_fuel_per_tick_cap\": 1000000000000000},"
                + " \"wasm\": {\"fuel_per_call\": 1000000000000000}}");
        WasmFolders.deploy(home, "wl-give", "[resources]\nmax_fuel_per_tick = 1000000000000000\n", HOST_FAILURES);
        home.service.start("wl-give");

        simulation.chat("wl_eve", "give me everything");

        String error = home.awaitState("wl-give", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-give stopped for breaking its limits: wl-give: main.wat: "
                + "on_player_chat trapped: mc_give_item: count must be at most 2304 (a full inventory), not 100000",
                error);
        assertEquals(List.of(), simulation.inventory("wl_eve"), "nothing was given");
    }

    @Test
    void aPluginSpendingItsTimeInHostCallsIsInterruptedByTheWatchdog() throws IOException {
        home.settings("{\"sandbox\": {\"call_timeout_ms\": 300, \"max_fuel_per_tick_cap\": 1000000000000000},"
                + " \"wasm\": {\"fuel_per_call\": 1000000000000000}}");
        WasmFolders.deploy(home, "wl-host-spin", "[resources]\nmax_fuel_per_tick = 1000000000000000\n", """
                (module
                  (import "env" "mc_block_id" (func $id (param i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "minecraft:stone")
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32)
                    (loop $l (drop (call $id (i32.const 16) (i32.const 15))) (br $l))
                    (i32.const 0)))
                """);
        home.service.start("wl-host-spin");

        for (int call = 1; call <= 2; call++) {
            long started = System.nanoTime();
            assertTrue(simulation.chat("wl_eve", "spin " + call).startsWith("'wl_eve: spin " + call));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 5_000, "interrupted after its 300 ms, not its fuel: " + millis + " ms");
        }
        assertEquals(ResourceState.STARTED, home.service.info("wl-host-spin").state());
        simulation.chat("wl_eve", "spin 3");

        String error = home.awaitState("wl-host-spin", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-host-spin stopped for breaking its limits: wl-host-spin: main.wat: "
                + "on_player_chat: interrupted: the call ran too long (the wall-clock bound of the call)", error);
        long now = simulation.tick(1);
        assertEquals(now + 1, simulation.tick(1), "the game thread was not left interrupted");
    }

    @Test
    void procExitStopsThePluginAtOnceWithItsCode() throws IOException {
        WasmFolders.deploy(home, "wl-exit", "", """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32) (call $exit (i32.const 42))
                    (i32.const 0)))
                """);
        home.service.start("wl-exit");

        simulation.chat("wl_eve", "bye");

        String error = home.awaitState("wl-exit", ResourceState.ERROR).lastError().orElseThrow();
        assertEquals("ERR_SCRIPT_EXECUTION: wl-exit stopped for breaking its limits: wl-exit: main.wat: "
                + "on_player_chat called proc_exit(42)", error);
    }

    @Test
    void memoryIsCappedByTheManifestsLimit() throws IOException {
        WasmFolders.deploy(home, "wl-big", "[resources]\nmax_memory_mb = 1\n", "(module (memory 300))");
        var refused = assertThrows(ResourceException.class, () -> home.service.start("wl-big"));
        assertEquals("ERR_SCRIPT_EXECUTION: wl-big: main.wat: declares 300 pages (18.75 MiB) of initial memory, more "
                + "than the resource may have: 16 pages (1 MiB)", refused.getMessage());

        WasmFolders.deploy(home, "wl-grow", "[resources]\nmax_memory_mb = 1\n", """
                (module (memory (export "memory") 1)
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  ;; cancels the line when memory.grow fails
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32)
                    (i32.eq (memory.grow (i32.const 15)) (i32.const -1))))
                """);
        home.service.start("wl-grow");
        assertTrue(simulation.chat("wl_eve", "grow to 16 pages").startsWith("'wl_eve: grow"), "1 + 15 pages fit");
        assertEquals("wl_eve's message was cancelled", simulation.chat("wl_eve", "grow to 31 pages"),
                "memory.grow past the limit returns -1");
    }
}

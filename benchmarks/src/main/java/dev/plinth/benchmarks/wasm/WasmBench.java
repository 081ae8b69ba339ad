package dev.plinth.benchmarks.wasm;

import dev.plinth.benchmarks.lua.BenchPlayer;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.internal.EventDispatcher;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.binding.HostServices;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.module.ModuleLoader;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import dev.plinth.lang.wasm.internal.plugin.PluginSpec;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What the WebAssembly benchmarks share: the plugin they run (a join handler doing a little work, a chat handler
 * looking for "spam" in the message the host copies into its memory, a function calling {@code mc_get_player_name} a
 * hundred times, fib), a server with one player, a real bus, watchdog and account, and
 * how to start a plugin the way the host does (prepare, then link, instantiate and enable) with budgets too large to
 * run out in a benchmark.
 */
final class WasmBench {

    /** The benchmarks' module, also run on raw Chicory. */
    static final String MODULE = """
            (module
              (import "env" "mc_get_player_name" (func $name (param i64 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
              (func (export "on_player_join") (param $p i64)
                (local $h i64) (local $i i32)
                (local.set $h (local.get $p))
                (loop $l
                  (local.set $h (i64.add (i64.mul (local.get $h) (i64.const 31)) (i64.extend_i32_u (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (i32.const 16))))
                (i64.store (i32.const 0) (local.get $h)))
              (func (export "alloc") (param i32) (result i32) (i32.const 1024))
              (func (export "on_player_chat") (param $p i64) (param $ptr i32) (param $len i32) (result i32)
                (local $i i32) (local $end i32)
                (if (i32.lt_u (local.get $len) (i32.const 4)) (then (return (i32.const 0))))
                (local.set $i (local.get $ptr))
                (local.set $end (i32.sub (i32.add (local.get $ptr) (local.get $len)) (i32.const 3)))
                (loop $l
                  (if (i32.eq (i32.load (local.get $i)) (i32.const 0x6d617073)) (then (return (i32.const 1))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (local.get $end))))
                (i32.const 0))
              (func (export "names") (param $p i64) (result i32)
                (local $i i32)
                (loop $l
                  (i32.store (i32.const 64) (i32.const 32))
                  (drop (call $name (local.get $p) (i32.const 128) (i32.const 64)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (i32.const 100))))
                (i32.load (i32.const 64))))
            """;

    /** A small plugin as authors write one: enable hook, a handler, memory. */
    static final String SMALL = """
            (module
              (import "env" "mc_log" (func $log (param i32 i32 i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "ready")
              (func (export "on_enable") (call $log (i32.const 1) (i32.const 16) (i32.const 5)))
              (func (export "on_player_quit") (param i64)))
            """;

    /** The chat message of the chat benchmarks: no "spam" in it, so the handler reads all of it. */
    static final String CHAT = "hello everyone, is anyone around to trade a few diamonds for iron?";

    static final long HUGE = Long.MAX_VALUE / 4;

    final WatAssembler assembler = WatAssembler.load();
    final BenchPlayer player = new BenchPlayer("Steve");
    final BenchServer server = new BenchServer(player);
    final EventBus bus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
    final WatchdogService watchdog = new WatchdogService(message -> { });
    final AccountBook accounts = new AccountBook();

    WasmBench() {
        watchdog.start();
    }

    /** The module's binary. */
    byte[] binary(String wat) {
        return assembler.assemble("bench.wat", wat.getBytes(StandardCharsets.UTF_8));
    }

    /** Prepares a module as the host does before a start. */
    PreparedModule prepare(byte[] binary, boolean compiled) {
        return new ModuleLoader(compiled, assembler, new Quiet()).load("bench", "bench.wasm", binary, 16);
    }

    /** Starts a plugin as the host does, on the benchmark's bus and server. */
    WasmPlugin start(String name, PreparedModule module) {
        return start(name, module, accounts.open(name, "wasm", HUGE));
    }

    /** Starts a plugin as the host does, on the benchmark's bus and server, charging the given account. */
    WasmPlugin start(String name, PreparedModule module, Account account) {
        var sandbox = SandboxLimits.DEFAULTS.withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(10));
        var spec = new PluginSpec(name, "bench.wasm", AbiKind.ENV, Grants.of(name, "plugin.toml", Optional.empty()),
                FuelLimits.of(HUGE, HUGE, HUGE), 16, sandbox);
        return WasmPlugin.start(spec, module, new Services(), (level, line) -> { }, () -> 0,
                account, watchdog, exception -> { });
    }

    void close() {
        watchdog.stop();
    }

    /** No progress lines: the benchmarks' modules are small. */
    private static final class Quiet implements Progress, ProgressTask {
        @Override
        public ProgressTask begin(String what, long total, ProgressUnit unit) {
            return this;
        }

        @Override
        public void advance(long amount) {
            // nothing shown
        }

        @Override
        public void fail(String reason) {
            // nothing shown
        }

        @Override
        public void close() {
            // nothing shown
        }
    }

    /** The benchmark's services: its server and bus. */
    private final class Services implements HostServices {
        @Override
        public Server server() {
            return server;
        }

        @Override
        public Commands commands() {
            throw new UnsupportedOperationException("not needed by the benchmarks");
        }

        @Override
        public Scheduler scheduler() {
            throw new UnsupportedOperationException("not needed by the benchmarks");
        }

        @Override
        public EventBus events() {
            return bus;
        }

        @Override
        public ConfigStore config() {
            throw new UnsupportedOperationException("not needed by the benchmarks");
        }
    }
}

package dev.plinth.lang.wasm.internal.plugin;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.binding.HostServices;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.module.ModuleLoader;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import dev.plinth.lang.wasm.internal.testing.TestAccount;
import dev.plinth.lang.wasm.internal.testing.TestProgress;
import dev.plinth.lang.wasm.internal.testing.TestWatchdog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts plugins for tests, from text or binary modules, compiled or interpreted, and keeps what they log. */
final class Plugins {

    static final WatAssembler WAT = WatAssembler.load();

    final List<String> log = new ArrayList<>();
    final List<PluginException> fatal = new ArrayList<>();
    final boolean compiled;
    FuelLimits fuel = FuelLimits.of(1_000_000, 10_000_000, 10_000_000);
    Optional<Map<String, Boolean>> permissions = Optional.empty();
    SandboxLimits sandbox = SandboxLimits.DEFAULTS;
    TestAccount account;
    final TestWatchdog watchdog = new TestWatchdog();
    int maxPages = 256;
    HostServices services = new TestServices();

    Plugins(boolean compiled) {
        this.compiled = compiled;
    }

    PreparedModule prepare(String file, byte[] content) {
        return new ModuleLoader(compiled, WAT, new TestProgress()).load("t", file, content, maxPages);
    }

    WasmPlugin start(AbiKind abi, String file, byte[] content) {
        PreparedModule module = prepare(file, content);
        var spec = new PluginSpec("t", file, abi, Grants.of("t", "plugin.toml", permissions), fuel, maxPages, sandbox);
        PluginLog sink = (level, line) -> log.add(level + " " + line);
        account = new TestAccount("t", fuel.perTick());
        return WasmPlugin.start(spec, module, services, sink, () -> 0, account, watchdog, fatal::add);
    }

    WasmPlugin wat(AbiKind abi, String wat) {
        return start(abi, "test.wat", wat.getBytes(StandardCharsets.UTF_8));
    }
}

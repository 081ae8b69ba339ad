package dev.plinth.lang.wasm.internal.plugin;

import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.binding.HostServices;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.link.Grants;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.module.ModuleLoader;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts plugins for tests, from text or binary modules, compiled or interpreted, and keeps what they log. */
final class Plugins {

    static final WatAssembler WAT = WatAssembler.load();

    final List<String> log = new ArrayList<>();
    final List<PluginException> fatal = new ArrayList<>();
    final boolean compiled;
    FuelLimits fuel = FuelLimits.of(1_000_000, 10_000_000, 10_000_000, 3);
    Map<String, Boolean> permissions = Map.of();
    int maxPages = 256;
    HostServices services = new TestServices();

    Plugins(boolean compiled) {
        this.compiled = compiled;
    }

    PreparedModule prepare(String file, byte[] content) {
        return new ModuleLoader(compiled, WAT).load(file, content, maxPages, log::add);
    }

    WasmPlugin start(AbiKind abi, String file, byte[] content) {
        PreparedModule module = prepare(file, content);
        var spec = new PluginSpec("t", file, abi, Grants.of(permissions), fuel, maxPages);
        PluginLog sink = (level, line) -> log.add(level + " " + line);
        return WasmPlugin.start(spec, module, services, sink, () -> 0, fatal::add);
    }

    WasmPlugin wat(AbiKind abi, String wat) {
        return start(abi, "test.wat", wat.getBytes(StandardCharsets.UTF_8));
    }
}

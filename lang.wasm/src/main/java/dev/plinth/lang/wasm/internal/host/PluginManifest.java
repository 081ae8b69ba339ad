package dev.plinth.lang.wasm.internal.host;

import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.sandbox.limits.DeclaredLimits;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a WebAssembly plugin's manifest asks for, read into the host's terms: its module file, its ABI's markers,
 * its permissions, its memory in pages and its fuel. The released MC-RS's {@code [limits]} set the fuel of each kind
 * of callback ({@code fuel_per_event}, {@code fuel_per_command}, {@code fuel_per_task}, {@code fuel_on_enable}) and
 * the memory ({@code max_memory_pages}); {@code [resources]} ({@code max_memory_mb}, {@code max_fuel_per_tick}) is
 * validated and capped by the sandbox, like every host's.
 *
 * @param name the resource name
 * @param manifest the manifest file ({@code plugin.toml})
 * @param file the module file
 * @param abi the ABI the manifest names, if any
 * @param releasedManifest whether the manifest is the released MC-RS's ({@code wasm_file} or {@code [limits]})
 * @param grants the permissions granted
 * @param resolved the sandbox limits, resolved
 * @param maxPages the pages of linear memory the plugin may have
 * @param fuel its fuel budgets
 */
record PluginManifest(String name, String manifest, String file, Optional<String> abi, boolean releasedManifest,
        Grants grants, ResolvedLimits resolved, int maxPages, FuelLimits fuel) {

    private static final long PAGE = 64 * 1024;
    private static final long MIB = 1024 * 1024;

    /**
     * Reads a plugin's manifest.
     *
     * @param descriptor the resource's descriptor
     * @param sandbox the sandbox settings, which validate and cap {@code [resources]}
     * @param settings the host's settings, the fuel defaults
     * @return the plugin's terms
     * @throws IllegalStateException when the manifest names no module
     * @throws dev.plinth.core.sandbox.SandboxException when {@code [resources]} or {@code [permissions]} is invalid
     */
    static PluginManifest read(ResourceDescriptor descriptor, SandboxSettings sandbox, WasmSettings settings) {
        String name = descriptor.name();
        String manifest = descriptor.manifestPath();
        String file = descriptor.main().orElseThrow(() -> new IllegalStateException(name + ": " + manifest
                + " names no WebAssembly module (main or wasm_file)"));
        var details = descriptor.details() instanceof FormatDetails.PluginToml toml ? toml
                : new FormatDetails.PluginToml(!descriptor.permissions().isEmpty());
        Map<String, Long> limits = details.limits();
        ResourceLimits declared = descriptor.limits();
        OptionalLong memoryMb = declared.maxMemoryMb();
        Long pagesAsked = limits.get("max_memory_pages");
        if (memoryMb.isEmpty() && pagesAsked != null) {
            memoryMb = OptionalLong.of((pagesAsked * PAGE + MIB - 1) / MIB);
        }
        ResolvedLimits resolved = sandbox.resolve(name, manifest, new DeclaredLimits(memoryMb,
                declared.maxFuelPerTick()));
        long pages = resolved.limits().maxRetainedBytes() / PAGE;
        if (pagesAsked != null) {
            pages = Math.min(pages, pagesAsked);
        }
        FuelLimits fuel = settings.fuel();
        if (resolved.workPerTick().isPresent()) {
            fuel = fuel.withPerTick(resolved.workPerTick().getAsLong());
        }
        for (var entry : List.of(Map.entry("fuel_per_event", List.of(CallKind.EVENT)),
                Map.entry("fuel_per_command", List.of(CallKind.COMMAND)),
                Map.entry("fuel_per_task", List.of(CallKind.TASK)),
                Map.entry("fuel_on_enable", List.of(CallKind.START, CallKind.STOP)))) {
            Long budget = limits.get(entry.getKey());
            if (budget != null) {
                for (CallKind kind : entry.getValue()) {
                    fuel = fuel.with(kind, budget);
                }
            }
        }
        return new PluginManifest(name, manifest, file, details.abi(), details.wasmFile() || !limits.isEmpty(),
                Grants.of(name, manifest, descriptor.permissionsSection()), resolved, (int) Math.clamp(pages, 1, Integer.MAX_VALUE), fuel);
    }
}

package dev.plinth.lang.wasm.internal.plugin;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.util.Objects;

/**
 * What one WebAssembly plugin is, once its manifest is read: its name, its module file, its ABI, what it may use and
 * spend. Immutable.
 *
 * @param name the resource name
 * @param file the module file in the resource ({@code welcome.wasm})
 * @param abi the ABI it is built for
 * @param grants the permission groups it is granted
 * @param fuel its fuel budgets
 * @param maxPages the pages (64 KiB) of linear memory it may have
 * @param sandbox its sandbox limits: wall-clock bounds, offences, tasks, log rate
 */
public record PluginSpec(String name, String file, AbiKind abi, Grants grants, FuelLimits fuel, int maxPages,
        SandboxLimits sandbox) {

    /** Validates the components. */
    public PluginSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(fuel, "fuel");
        Objects.requireNonNull(sandbox, "sandbox");
        if (maxPages <= 0) {
            throw new IllegalArgumentException("a plugin needs at least one page of memory, not " + maxPages);
        }
    }

    /** {@return the most bytes the plugin's memory may hold} */
    public long maxMemoryBytes() {
        return maxPages * 65536L;
    }

    /** {@return the wall-clock bounds of the plugin's calls} */
    public FuelMeter.Bounds bounds() {
        return new FuelMeter.Bounds(sandbox.callTimeout(), sandbox.startTimeout(), sandbox.stopTimeout());
    }

    /** {@return the resource and module file, as messages start} */
    public String prefix() {
        return name + ": " + file;
    }
}

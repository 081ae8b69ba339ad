package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.plinth.lang.wasm.internal.meter.FuelCell;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A module ready to be instantiated: parsed, validated, metered and compiled (or set to be interpreted), and the
 * memory it gets. Immutable; instances may be created from it on any thread, one at a time per instance.
 *
 * @param file the module's file in its resource ({@code welcome.wasm}, or the {@code .wat} it was assembled from)
 * @param module the metered module
 * @param machines what runs its functions
 * @param mode how its functions run
 * @param fuelGlobal the index of the fuel global (see {@link dev.plinth.lang.wasm.internal.meter.FuelInstrumenter})
 * @param growGlobal the index of the global holding the most pages the memory may grow to within a call, -1 when the
 *     module never grows its memory
 * @param staticFuel whether the compiled code keeps the fuel in a static field of its own classes instead of the
 *     global (see {@link #fuelCell(Machine)}); then the module has one instance at a time
 * @param memory the limits of its linear memory, capped by the resource's limit; empty when it has none
 * @param notes what the host decided about it (a clamped memory, interpreted functions), one line each, for the log
 * @param loadMillis how long loading, metering and compiling took
 */
public record PreparedModule(String file, WasmModule module, Function<Instance, Machine> machines,
        ExecutionMode mode, int fuelGlobal, int growGlobal, boolean staticFuel, Optional<MemoryLimits> memory,
        List<String> notes, long loadMillis) {

    /** Validates the components. */
    public PreparedModule {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(machines, "machines");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(memory, "memory");
        notes = List.copyOf(notes);
    }

    /**
     * The fuel cell of an instance whose compiled code keeps its fuel in a static field.
     *
     * @param machine the instance's machine
     * @return the cell, or empty when the instance spends from its fuel global
     */
    public Optional<FuelCell> fuelCell(Machine machine) {
        return staticFuel ? Optional.of(StaticFuel.cell(machine)) : Optional.empty();
    }
}

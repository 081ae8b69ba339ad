package dev.plinth.core.sandbox.limits;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a manifest's {@code [resources]} asks for, as written (not validated yet): a host copies it from the
 * resource's descriptor and has {@link SandboxSettings#resolve} validate and cap it.
 *
 * @param maxMemoryMb {@code max_memory_mb}: the memory the resource may keep, in MiB
 * @param maxFuelPerTick {@code max_fuel_per_tick}: the work it may do per tick, in its host's units (Lua
 *     instructions, JavaScript statements, WebAssembly fuel)
 */
public record DeclaredLimits(OptionalLong maxMemoryMb, OptionalLong maxFuelPerTick) {

    /** Nothing declared. */
    public static final DeclaredLimits NONE = new DeclaredLimits(OptionalLong.empty(), OptionalLong.empty());

    /** Validates the components. */
    public DeclaredLimits {
        Objects.requireNonNull(maxMemoryMb, "maxMemoryMb");
        Objects.requireNonNull(maxFuelPerTick, "maxFuelPerTick");
    }
}

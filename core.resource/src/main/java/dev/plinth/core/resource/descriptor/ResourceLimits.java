package dev.plinth.core.resource.descriptor;

import java.util.OptionalLong;

/**
 * The sandbox limits a manifest asks for (plugin.toml's {@code [resources]}); the language host enforces them.
 *
 * @param maxMemoryMb the memory the resource may use, in MiB
 * @param maxFuelPerTick the instructions (fuel) it may spend per tick
 */
public record ResourceLimits(OptionalLong maxMemoryMb, OptionalLong maxFuelPerTick) {

    /** No limit declared: the host's defaults apply. */
    public static final ResourceLimits NONE = new ResourceLimits(OptionalLong.empty(), OptionalLong.empty());
}

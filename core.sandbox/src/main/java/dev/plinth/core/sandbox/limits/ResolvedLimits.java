package dev.plinth.core.sandbox.limits;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One resource's limits once its manifest's requests are validated and capped.
 *
 * @param limits the limits every host enforces
 * @param workPerTick the per-tick budget the manifest asked for ({@code max_fuel_per_tick}), capped; empty when it
 *     asked for none (the host's default applies)
 * @param notes what was capped, one sentence each naming the resource, file and field, for the host to log
 */
public record ResolvedLimits(SandboxLimits limits, OptionalLong workPerTick, List<String> notes) {

    /** Validates and copies the components. */
    public ResolvedLimits {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(workPerTick, "workPerTick");
        notes = List.copyOf(notes);
    }
}

package dev.plinth.lang.lua.internal.limits;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import java.util.Objects;

/**
 * What one Lua resource may spend: the Lua host's own budgets (the {@code lua} object of {@code conf/server.json};
 * a manifest's {@code max_fuel_per_tick} sets its per-tick budget) and the limits every host shares (the
 * {@code sandbox} object: wall-clock bounds, memory, offences, tasks, log rate).
 *
 * @param instructionsPerCall Lua instructions one call into the resource may run (a handler, a command, a task)
 * @param instructionsPerTick Lua instructions all the resource's calls within one server tick may run together,
 *     with the calls other resources make on its behalf
 * @param instructionsPerStart Lua instructions its main chunk and {@code on_enable} (or {@code on_disable}) may run
 * @param maxCallDepth nested Lua calls before {@code stack overflow}
 * @param maxCoroutines coroutines of the resource alive at the same time (each is a Java thread in LuaJ)
 * @param sandbox the limits every host shares
 */
public record Limits(long instructionsPerCall, long instructionsPerTick, long instructionsPerStart, int maxCallDepth,
        int maxCoroutines, SandboxLimits sandbox) {

    /** One mebibyte. */
    public static final long MIB = SandboxLimits.MIB;

    /** Validates the components. */
    public Limits {
        positive("instructionsPerCall", instructionsPerCall);
        positive("instructionsPerTick", instructionsPerTick);
        positive("instructionsPerStart", instructionsPerStart);
        positive("maxCallDepth", maxCallDepth);
        positive("maxCoroutines", maxCoroutines);
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /**
     * The defaults of a Plinth installation: a million instructions per call, two per tick, ten for the start,
     * 200 nested calls, 16 coroutines, and {@link SandboxLimits#DEFAULTS}.
     *
     * @return the default limits
     */
    public static Limits defaults() {
        return new Limits(1_000_000, 2_000_000, 10_000_000, 200, 16, SandboxLimits.DEFAULTS);
    }

    /**
     * The bytes one call may allocate.
     *
     * @return {@code max_call_alloc_mb} in bytes
     */
    public long maxCallAllocBytes() {
        return sandbox.maxCallAllocBytes();
    }

    /**
     * Aborted calls after which the resource is stopped.
     *
     * @return {@code max_offences}
     */
    public int maxOffences() {
        return sandbox.maxOffences();
    }

    /**
     * These limits with other shared limits.
     *
     * @param limits the shared limits
     * @return the new limits
     */
    public Limits withSandbox(SandboxLimits limits) {
        return new Limits(instructionsPerCall, instructionsPerTick, instructionsPerStart, maxCallDepth, maxCoroutines,
                limits);
    }

    /**
     * These limits with another per-call allocation limit.
     *
     * @param megabytes the new {@code max_call_alloc_mb}
     * @return the new limits
     */
    public Limits withMaxCallAllocMb(long megabytes) {
        return withSandbox(sandbox.withMaxCallAllocBytes(megabytes * MIB));
    }

    /**
     * These limits with another per-tick budget.
     *
     * @param instructions the new budget
     * @return the new limits
     */
    public Limits withInstructionsPerTick(long instructions) {
        return new Limits(instructionsPerCall, instructions, instructionsPerStart, maxCallDepth, maxCoroutines, sandbox);
    }

    /**
     * These limits with another per-call budget.
     *
     * @param instructions the new budget
     * @return the new limits
     */
    public Limits withInstructionsPerCall(long instructions) {
        return new Limits(instructions, instructionsPerTick, instructionsPerStart, maxCallDepth, maxCoroutines, sandbox);
    }

    /**
     * These limits with another start budget.
     *
     * @param instructions the new budget
     * @return the new limits
     */
    public Limits withInstructionsPerStart(long instructions) {
        return new Limits(instructionsPerCall, instructionsPerTick, instructions, maxCallDepth, maxCoroutines, sandbox);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}

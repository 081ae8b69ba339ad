package dev.plinth.lang.lua.internal.limits;

/**
 * What one Lua resource may spend. Defaults come from the {@code lua} object of {@code conf/server.json}; a
 * resource's manifest may lower or raise its own ({@code [resources] max_memory_mb, max_fuel_per_tick}).
 *
 * @param instructionsPerCall Lua instructions one call into the resource may run (a handler, a command, a task)
 * @param instructionsPerTick Lua instructions all the resource's calls within one server tick may run together
 * @param instructionsPerStart Lua instructions its main chunk and {@code on_enable} may run
 * @param maxMemoryBytes bytes one call may allocate ({@code max_memory_mb})
 * @param maxOffences aborted calls after which the resource is stopped
 * @param maxCallDepth nested Lua calls before {@code stack overflow}
 * @param maxCoroutines coroutines of the resource alive at the same time (each is a Java thread in LuaJ)
 */
public record Limits(long instructionsPerCall, long instructionsPerTick, long instructionsPerStart,
        long maxMemoryBytes, int maxOffences, int maxCallDepth, int maxCoroutines) {

    /** One mebibyte, the unit of {@code max_memory_mb}. */
    public static final long MIB = 1024L * 1024L;

    /** Validates the components. */
    public Limits {
        positive("instructionsPerCall", instructionsPerCall);
        positive("instructionsPerTick", instructionsPerTick);
        positive("instructionsPerStart", instructionsPerStart);
        positive("maxMemoryBytes", maxMemoryBytes);
        positive("maxOffences", maxOffences);
        positive("maxCallDepth", maxCallDepth);
        positive("maxCoroutines", maxCoroutines);
    }

    /**
     * The defaults of a Plinth installation: a million instructions per call, two per tick, ten for the start,
     * 16 MiB, three offences, 200 nested calls, 16 coroutines.
     *
     * @return the default limits
     */
    public static Limits defaults() {
        return new Limits(1_000_000, 2_000_000, 10_000_000, 16 * MIB, 3, 200, 16);
    }

    /**
     * These limits with another memory limit.
     *
     * @param megabytes the new {@code max_memory_mb}
     * @return the new limits
     */
    public Limits withMaxMemoryMb(long megabytes) {
        return new Limits(instructionsPerCall, instructionsPerTick, instructionsPerStart, megabytes * MIB,
                maxOffences, maxCallDepth, maxCoroutines);
    }

    /**
     * These limits with another per-tick budget.
     *
     * @param instructions the new budget
     * @return the new limits
     */
    public Limits withInstructionsPerTick(long instructions) {
        return new Limits(instructionsPerCall, instructions, instructionsPerStart, maxMemoryBytes, maxOffences,
                maxCallDepth, maxCoroutines);
    }

    /**
     * These limits with another per-call budget.
     *
     * @param instructions the new budget
     * @return the new limits
     */
    public Limits withInstructionsPerCall(long instructions) {
        return new Limits(instructions, instructionsPerTick, instructionsPerStart, maxMemoryBytes, maxOffences,
                maxCallDepth, maxCoroutines);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}

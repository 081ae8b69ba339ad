package dev.plinth.lang.js.internal.engine;

import java.time.Duration;

/**
 * What one JavaScript resource may spend. Defaults come from the {@code js} object of {@code conf/server.json}; a
 * resource's manifest may ask for its own ({@code [resources] max_memory_mb, max_fuel_per_tick}).
 *
 * @param statementsPerTick statements all the resource's calls within one server tick may run together, counted by
 *     GraalJS ({@code ResourceLimits}); the start (the entry module and the start hooks) has the same budget.
 *     Breaking it cancels the context: the resource is stopped at once
 * @param callTimeout how long one call (a handler, a command, a task, an export) may run on the wall clock before
 *     the watchdog interrupts it, however few statements it runs (a long regular expression, a huge sort)
 * @param startTimeout the same for the start and the stop hooks
 * @param maxCallAllocationBytes bytes one call may allocate ({@code max_memory_mb})
 * @param maxOffences aborted calls after which the resource is stopped
 */
public record JsLimits(long statementsPerTick, Duration callTimeout, Duration startTimeout,
        long maxCallAllocationBytes, int maxOffences) {

    /** One mebibyte. */
    public static final long MIB = 1024L * 1024L;

    /** Validates the components. */
    public JsLimits {
        if (statementsPerTick <= 0 || maxCallAllocationBytes <= 0 || maxOffences <= 0 || callTimeout.isNegative()
                || callTimeout.isZero() || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("JavaScript limits must be positive: " + this);
        }
    }

    /**
     * The defaults of a Plinth installation: 5 million statements per tick, 250 ms per call, 5 s for the start,
     * 64 MiB allocated per call, three offences.
     *
     * @return the default limits
     */
    public static JsLimits defaults() {
        return new JsLimits(5_000_000, Duration.ofMillis(250), Duration.ofSeconds(5), 64 * MIB, 3);
    }

    /**
     * These limits with another per-call allocation limit.
     *
     * @param megabytes the new {@code max_memory_mb}
     * @return the new limits
     */
    public JsLimits withMaxMemoryMb(long megabytes) {
        return new JsLimits(statementsPerTick, callTimeout, startTimeout, megabytes * MIB, maxOffences);
    }

    /**
     * These limits with another statement budget per tick.
     *
     * @param statements the new budget
     * @return the new limits
     */
    public JsLimits withStatementsPerTick(long statements) {
        return new JsLimits(statements, callTimeout, startTimeout, maxCallAllocationBytes, maxOffences);
    }

    /**
     * These limits with another wall-clock bound per call.
     *
     * @param timeout the new bound
     * @return the new limits
     */
    public JsLimits withCallTimeout(Duration timeout) {
        return new JsLimits(statementsPerTick, timeout, startTimeout, maxCallAllocationBytes, maxOffences);
    }
}

package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * What one JavaScript resource may spend: the limits every host enforces (core.sandbox's {@link SandboxLimits}, the
 * {@code sandbox} object of {@code conf/server.json} with the resource's manifest over it) and the JavaScript host's
 * own statement budget.
 *
 * @param sandbox the wall-clock bounds, the per-call allocation limit, the offences, tasks, log rate and value bounds
 * @param statementsPerTick statements all the resource's calls within one server tick may run together, counted by
 *     GraalJS ({@code ResourceLimits}); each start step and the stop hook have the same budget. Breaking it cancels
 *     the context: the resource is stopped at once
 */
public record JsLimits(SandboxLimits sandbox, long statementsPerTick) {

    /** One mebibyte. */
    public static final long MIB = SandboxLimits.MIB;

    /** Validates the components. */
    public JsLimits {
        Objects.requireNonNull(sandbox, "sandbox");
        if (statementsPerTick <= 0) {
            throw new IllegalArgumentException("statementsPerTick must be positive, not " + statementsPerTick);
        }
    }

    /**
     * The defaults of a Plinth installation: {@link SandboxLimits#DEFAULTS} and 5 million statements per tick.
     *
     * @return the default limits
     */
    public static JsLimits defaults() {
        return new JsLimits(SandboxLimits.DEFAULTS, 5_000_000);
    }

    /** {@return how long one call may run} */
    public Duration callTimeout() {
        return sandbox.callTimeout();
    }

    /** {@return how long the start (entry modules, start hooks) may run} */
    public Duration startTimeout() {
        return sandbox.startTimeout();
    }

    /** {@return how long the stop hook may run} */
    public Duration stopTimeout() {
        return sandbox.stopTimeout();
    }

    /** {@return the bytes one call may allocate} */
    public long maxCallAllocationBytes() {
        return sandbox.maxCallAllocBytes();
    }

    /** {@return the aborted calls after which the resource is stopped} */
    public int maxOffences() {
        return sandbox.maxOffences();
    }

    /**
     * These limits with another per-call allocation limit.
     *
     * @param megabytes the new limit
     * @return the new limits
     */
    public JsLimits withMaxMemoryMb(long megabytes) {
        return new JsLimits(sandbox.withMaxCallAllocBytes(megabytes * MIB), statementsPerTick);
    }

    /**
     * These limits with another statement budget per tick.
     *
     * @param statements the new budget
     * @return the new limits
     */
    public JsLimits withStatementsPerTick(long statements) {
        return new JsLimits(sandbox, statements);
    }

    /**
     * These limits with another wall-clock bound per call.
     *
     * @param timeout the new bound
     * @return the new limits
     */
    public JsLimits withCallTimeout(Duration timeout) {
        return new JsLimits(sandbox.withTimeouts(timeout, sandbox.startTimeout(), sandbox.stopTimeout()),
                statementsPerTick);
    }
}

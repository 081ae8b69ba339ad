package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * What one JavaScript resource may spend: the limits every host enforces (core.sandbox's {@link SandboxLimits}, the
 * {@code sandbox} object of {@code conf/server.json} with the resource's manifest over it) and the JavaScript host's
 * own statement budget.
 *
 * @param sandbox the wall-clock bounds, the retained-memory and per-call allocation limits, the offences, tasks, log
 *     rate and value bounds
 * @param statementsPerCall statements one call (a handler, a command, a task, a timer, an export) may run, counted by
 *     the host's statement meter ({@code dev.plinth.lang.js.meter}); each start step and the stop hook may run
 *     {@code statementsPerTick}. Breaking it interrupts the call: an offence
 * @param statementsPerTick statements all the resource's calls within one server tick may run together (and calls
 *     other resources make on its behalf); breaking it interrupts the call: an offence
 */
public record JsLimits(SandboxLimits sandbox, long statementsPerCall, long statementsPerTick) {

    /** One mebibyte. */
    public static final long MIB = SandboxLimits.MIB;

    /** Validates the components. */
    public JsLimits {
        Objects.requireNonNull(sandbox, "sandbox");
        if (statementsPerCall <= 0) {
            throw new IllegalArgumentException("statementsPerCall must be positive, not " + statementsPerCall);
        }
        if (statementsPerTick <= 0) {
            throw new IllegalArgumentException("statementsPerTick must be positive, not " + statementsPerTick);
        }
    }

    /**
     * The defaults of a Plinth installation: {@link SandboxLimits#DEFAULTS}, 2 million statements per call and 5
     * million per tick.
     *
     * @return the default limits
     */
    public static JsLimits defaults() {
        return new JsLimits(SandboxLimits.DEFAULTS, 2_000_000, 5_000_000);
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

    /** {@return the bytes the resource may keep ({@code max_memory_mb})} */
    public long maxRetainedBytes() {
        return sandbox.maxRetainedBytes();
    }

    /**
     * These limits with another per-call allocation limit.
     *
     * @param megabytes the new limit
     * @return the new limits
     */
    public JsLimits withMaxCallAllocMb(long megabytes) {
        return new JsLimits(sandbox.withMaxCallAllocBytes(megabytes * MIB), statementsPerCall, statementsPerTick);
    }

    /**
     * These limits with another statement budget per call.
     *
     * @param statements the new budget
     * @return the new limits
     */
    public JsLimits withStatementsPerCall(long statements) {
        return new JsLimits(sandbox, statements, statementsPerTick);
    }

    /**
     * These limits with another statement budget per tick.
     *
     * @param statements the new budget
     * @return the new limits
     */
    public JsLimits withStatementsPerTick(long statements) {
        return new JsLimits(sandbox, statementsPerCall, statements);
    }

    /**
     * These limits with another wall-clock bound per call.
     *
     * @param timeout the new bound
     * @return the new limits
     */
    public JsLimits withCallTimeout(Duration timeout) {
        return new JsLimits(sandbox.withTimeouts(timeout, sandbox.startTimeout(), sandbox.stopTimeout()),
                statementsPerCall, statementsPerTick);
    }
}

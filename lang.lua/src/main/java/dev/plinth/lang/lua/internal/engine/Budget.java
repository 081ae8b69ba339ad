package dev.plinth.lang.lua.internal.engine;

import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.lang.lua.internal.limits.Limits;

/** Which budget and wall-clock bound a call into a resource gets. */
public enum Budget {
    /** A handler, a command, a task, an exported function: {@code instructionsPerCall}, {@code call_timeout_ms}. */
    CALL,
    /** The main chunk and {@code on_enable}: {@code instructionsPerStart}, {@code start_timeout_ms}. */
    START,
    /** {@code on_disable}: {@code instructionsPerStart}, {@code stop_timeout_ms}. */
    STOP;

    /**
     * The instructions a call of this kind may run.
     *
     * @param limits the resource's limits
     * @return the budget
     */
    long instructions(Limits limits) {
        return this == CALL ? limits.instructionsPerCall() : limits.instructionsPerStart();
    }

    /**
     * How long a call of this kind may run by the clock.
     *
     * @param limits the shared limits
     * @return the bound in nanoseconds
     */
    long boundNanos(SandboxLimits limits) {
        return switch (this) {
            case CALL -> limits.callTimeout().toNanos();
            case START -> limits.startTimeout().toNanos();
            case STOP -> limits.stopTimeout().toNanos();
        };
    }
}

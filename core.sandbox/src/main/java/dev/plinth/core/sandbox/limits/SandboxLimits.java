package dev.plinth.core.sandbox.limits;

import dev.plinth.core.sandbox.values.ValueBounds;
import java.time.Duration;
import java.util.Objects;

/**
 * What one script resource may spend, whatever its language. Immutable.
 *
 * @param callTimeout how long one call (a handler, a command, a task, an exported function) may run by the clock
 * @param startTimeout how long starting the resource may run by the clock: its scripts' main chunks and its enable hook
 * @param stopTimeout how long its disable hook may run by the clock
 * @param maxRetainedBytes how much memory the resource may keep (measured from its roots), {@code max_memory_mb}
 * @param maxCallAllocBytes how much one call may allocate, {@code max_call_alloc_mb}
 * @param maxOffences aborted calls after which the resource is stopped
 * @param maxTasks scheduled tasks the resource may have at once
 * @param logLinesPerSecond lines per second the resource may log (print and log calls) on average; a burst of four
 *     seconds' worth is let through, the rest is dropped and counted
 * @param maxConfigBytes the most bytes one config file of the resource may hold
 * @param values how large a value passed to the host may be
 */
public record SandboxLimits(Duration callTimeout, Duration startTimeout, Duration stopTimeout, long maxRetainedBytes,
        long maxCallAllocBytes, int maxOffences, int maxTasks, int logLinesPerSecond, long maxConfigBytes,
        ValueBounds values) {

    /** One mebibyte, the unit of the {@code _mb} settings. */
    public static final long MIB = 1024L * 1024L;

    /**
     * The defaults of a Plinth installation: 1 s per call, 5 s to start, 3 s to stop, 16 MiB kept, 64 MiB allocated
     * per call, 3 offences, 1,000 tasks, 50 log lines a second, 1 MiB per config file, {@link ValueBounds#DEFAULTS}.
     */
    public static final SandboxLimits DEFAULTS = new SandboxLimits(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(3), 16 * MIB, 64 * MIB, 3, 1000, 50, MIB, ValueBounds.DEFAULTS);

    /** Validates the components. */
    public SandboxLimits {
        positive("callTimeout", callTimeout);
        positive("startTimeout", startTimeout);
        positive("stopTimeout", stopTimeout);
        positive("maxRetainedBytes", maxRetainedBytes);
        positive("maxCallAllocBytes", maxCallAllocBytes);
        positive("maxOffences", maxOffences);
        positive("maxTasks", maxTasks);
        positive("logLinesPerSecond", logLinesPerSecond);
        positive("maxConfigBytes", maxConfigBytes);
        Objects.requireNonNull(values, "values");
    }

    /**
     * These limits with another retained memory limit.
     *
     * @param bytes the new limit
     * @return the new limits
     */
    public SandboxLimits withMaxRetainedBytes(long bytes) {
        return new SandboxLimits(callTimeout, startTimeout, stopTimeout, bytes, maxCallAllocBytes, maxOffences,
                maxTasks, logLinesPerSecond, maxConfigBytes, values);
    }

    /**
     * These limits with another per-call allocation limit.
     *
     * @param bytes the new limit
     * @return the new limits
     */
    public SandboxLimits withMaxCallAllocBytes(long bytes) {
        return new SandboxLimits(callTimeout, startTimeout, stopTimeout, maxRetainedBytes, bytes, maxOffences,
                maxTasks, logLinesPerSecond, maxConfigBytes, values);
    }

    /**
     * These limits with other wall-clock bounds.
     *
     * @param call the bound of one call
     * @param start the bound of the start
     * @param stop the bound of the disable hook
     * @return the new limits
     */
    public SandboxLimits withTimeouts(Duration call, Duration start, Duration stop) {
        return new SandboxLimits(call, start, stop, maxRetainedBytes, maxCallAllocBytes, maxOffences, maxTasks,
                logLinesPerSecond, maxConfigBytes, values);
    }

    /**
     * These limits with another task limit.
     *
     * @param tasks the new limit
     * @return the new limits
     */
    public SandboxLimits withMaxTasks(int tasks) {
        return new SandboxLimits(callTimeout, startTimeout, stopTimeout, maxRetainedBytes, maxCallAllocBytes,
                maxOffences, tasks, logLinesPerSecond, maxConfigBytes, values);
    }

    /**
     * These limits with another offence limit.
     *
     * @param offences the new limit
     * @return the new limits
     */
    public SandboxLimits withMaxOffences(int offences) {
        return new SandboxLimits(callTimeout, startTimeout, stopTimeout, maxRetainedBytes, maxCallAllocBytes,
                offences, maxTasks, logLinesPerSecond, maxConfigBytes, values);
    }

    /**
     * These limits with another value bound.
     *
     * @param bounds the new bounds
     * @return the new limits
     */
    public SandboxLimits withValues(ValueBounds bounds) {
        return new SandboxLimits(callTimeout, startTimeout, stopTimeout, maxRetainedBytes, maxCallAllocBytes,
                maxOffences, maxTasks, logLinesPerSecond, maxConfigBytes, bounds);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}

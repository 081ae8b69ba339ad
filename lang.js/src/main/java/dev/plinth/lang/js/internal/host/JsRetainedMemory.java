package dev.plinth.lang.js.internal.host;

import dev.plinth.core.sandbox.memory.RetainedMemory;
import dev.plinth.lang.js.internal.engine.JsLimit;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one JavaScript resource keeps, for the sandbox's memory monitor: Truffle walks the resource's context from its
 * roots (its global object, its modules, the closures, arrays and strings they reach; not the code and shapes the
 * engine shares, not the host's objects behind its API proxies), on the monitor's thread while the resource's code
 * may run, and what a blank context of the engine keeps is taken off. The walk stops once it found more than the
 * limit, so a resource that keeps too much costs no more than its limit to measure.
 *
 * <p>A walk that finds a call running counts what the call holds for the moment too (the temporaries on its frames), so
 * a resource that is busy when it is measured can look bigger than it is. A figure over the limit is therefore taken
 * again between two calls ({@link JsScript#retainedBytesBetweenCalls}), and only that figure counts: the resource is
 * stopped for what it keeps, never for what it was doing. The resource's next call waits for that second walk, which
 * happens only when the first was over the limit.
 *
 * <p>Thread-safe.
 */
final class JsRetainedMemory implements RetainedMemory {

    /** How long a measurement between calls waits for the running call to end. */
    private static final long BETWEEN_CALLS_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final JsScript script;
    private final SharedEngine engine;
    private final long limitBytes;

    JsRetainedMemory(JsScript script, SharedEngine engine) {
        this.script = script;
        this.engine = engine;
        this.limitBytes = script.limits().maxRetainedBytes();
    }

    @Override
    public String resource() {
        return script.resource();
    }

    @Override
    public long limitBytes() {
        return limitBytes;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the figure was over the limit and the resource stayed in its calls for a
     *     second, so that it could not be taken between calls (the monitor measures again next time)
     */
    @Override
    public long measure() {
        if (script.isClosed()) {
            return 0;
        }
        long blank = engine.blankContextBytes();
        long stopAt = blank + limitBytes + 1;
        try {
            long bytes = script.retainedBytes(stopAt, new AtomicBoolean()) - blank;
            if (bytes <= limitBytes) {
                return Math.max(0, bytes);
            }
            OptionalLong betweenCalls = script.retainedBytesBetweenCalls(stopAt, new AtomicBoolean(),
                    BETWEEN_CALLS_WAIT_NANOS);
            if (betweenCalls.isEmpty()) {
                throw new IllegalStateException(script.resource() + " stayed in its calls for "
                        + TimeUnit.NANOSECONDS.toMillis(BETWEEN_CALLS_WAIT_NANOS) + " ms: what it keeps could not be "
                        + "taken between two calls");
            }
            return Math.max(0, betweenCalls.getAsLong() - blank);
        } catch (IllegalStateException e) {
            if (script.isClosed()) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void stop(String message) {
        script.breakLimit(JsLimit.RETAINED_MEMORY, message);
    }
}

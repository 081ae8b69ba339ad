package dev.plinth.lang.js.internal.host;

import dev.plinth.core.sandbox.memory.RetainedMemory;
import dev.plinth.lang.js.internal.engine.JsLimit;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one JavaScript resource keeps, for the sandbox's memory monitor: Truffle walks the resource's context from its
 * roots (its global object, its modules, the closures, arrays and strings they reach; not the code and shapes the
 * engine shares, not the host's objects behind its API proxies), on the monitor's thread while the resource's code
 * may run, and what a blank context of the engine keeps is taken off. The walk stops once it found more than the
 * limit, so a resource that keeps too much costs no more than its limit to measure.
 *
 * <p>Thread-safe.
 */
final class JsRetainedMemory implements RetainedMemory {

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

    @Override
    public long measure() {
        if (script.isClosed()) {
            return 0;
        }
        long blank = engine.blankContextBytes();
        try {
            return Math.max(0, script.retainedBytes(blank + limitBytes + 1, new AtomicBoolean()) - blank);
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

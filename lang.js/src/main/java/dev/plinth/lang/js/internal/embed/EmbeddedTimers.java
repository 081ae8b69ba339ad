package dev.plinth.lang.js.internal.embed;

import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.script.ScriptTimers;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsScript;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.graalvm.polyglot.Value;

/**
 * The timers of an embedded script ({@code setTimeout}, {@code setInterval}, {@code clear*}) on its host's loop: the
 * prelude's ticks of 50 ms become delays, each callback runs on the host's thread with the call budget (a failure is
 * logged with its file and line), at most {@code sandbox.max_tasks} are pending at once, and closing the runtime
 * cancels the rest.
 *
 * <p>Thread-safe.
 */
final class EmbeddedTimers {

    private static final long TICK_MILLIS = 50;

    private final JsScript script;
    private final ScriptTimers loop;
    private final ScriptLog log;
    private final Map<Long, Future<?>> pending = new HashMap<>();
    private long next;
    private boolean closed;

    EmbeddedTimers(JsScript script, ScriptTimers loop, ScriptLog log) {
        this.script = script;
        this.loop = loop;
        this.log = log;
    }

    /**
     * Adds a timer; called from the script's code.
     *
     * @param delayTicks ticks until it first runs
     * @param periodTicks ticks between runs, 0 to run once
     * @param callback what runs
     * @return its id
     * @throws IllegalStateException when the script has as many timers as its limit, or the loop has ended
     */
    synchronized long add(long delayTicks, long periodTicks, Value callback) {
        int max = script.limits().sandbox().maxTasks();
        if (closed) {
            throw new IllegalStateException("setTimeout: " + script.resource() + " is closed");
        }
        if (pending.size() >= max) {
            throw new IllegalStateException("setTimeout: " + script.resource() + " has " + max + " timers, its limit "
                    + "(sandbox.max_tasks)");
        }
        long id = ++next;
        try {
            pending.put(id, loop.schedule(Duration.ofMillis(delayTicks * TICK_MILLIS),
                    Duration.ofMillis(periodTicks * TICK_MILLIS), () -> fire(id, periodTicks > 0, callback)));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("setTimeout: the client's loop has ended", e);
        }
        return id;
    }

    /** Cancels a timer; unknown ids are ignored, as in browsers. */
    synchronized void cancel(long id) {
        Future<?> timer = pending.remove(id);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Runs a timer's callback, unless it was cleared before the script let the loop in. */
    private void fire(long id, boolean repeats, Value callback) {
        if (script.isClosed()) {
            return;
        }
        try {
            script.call(Budget.CALL, context -> {
                synchronized (this) {
                    if (closed || !pending.containsKey(id)) {
                        return null;
                    }
                    if (!repeats) {
                        pending.remove(id);
                    }
                }
                callback.execute();
                return null;
            });
        } catch (JsException e) {
            log.error("timer " + id + " failed: " + e.report());
        }
    }

    /** Cancels every timer: the runtime closed. */
    synchronized void close() {
        closed = true;
        pending.values().forEach(timer -> timer.cancel(false));
        pending.clear();
    }
}

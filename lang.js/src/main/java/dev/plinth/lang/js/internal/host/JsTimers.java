package dev.plinth.lang.js.internal.host;

import dev.plinth.lang.js.internal.binding.ResourceScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Value;

/**
 * The timers of one resource ({@code setTimeout}, {@code setInterval}): due times on the wall clock in ticks of
 * 50 ms, run on the game thread by a task of the resource's own scheduler (so they go away with the resource), or by
 * the thread that waits for the resource's start hooks ({@link #runDue()}), which may be the game thread itself.
 *
 * <p>Thread-safe; callbacks run outside the queue's lock, through the resource's bounded calls.
 */
final class JsTimers {

    private static final long TICK_NANOS = 50_000_000L;

    private record Timer(long id, long due, long period, Value callback) {}

    private final ResourceScope scope;
    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final Map<Long, Timer> byId = new HashMap<>();
    private final AtomicBoolean driven = new AtomicBoolean();
    private long next;
    private volatile boolean closed;

    JsTimers(ResourceScope scope) {
        this.scope = scope;
    }

    /** Adds a timer; called from the resource's code. */
    long add(long delayTicks, long periodTicks, Value callback) {
        if (driven.compareAndSet(false, true)) {
            scope.schedule("setTimeout", scheduler -> scheduler.runRepeating(1, 1, this::runDue));
        }
        synchronized (queue) {
            int max = scope.script().limits().sandbox().maxTasks();
            if (byId.size() >= max) {
                throw new IllegalStateException("setTimeout: " + scope.name() + " has " + max + " timers, its limit "
                        + "(sandbox.max_tasks)");
            }
            long id = ++next;
            var timer = new Timer(id, System.nanoTime() + delayTicks * TICK_NANOS, periodTicks * TICK_NANOS, callback);
            queue.add(timer);
            byId.put(id, timer);
            return id;
        }
    }

    /** Cancels a timer; unknown ids are ignored, as in browsers. */
    void cancel(long id) {
        synchronized (queue) {
            Timer timer = byId.remove(id);
            if (timer != null) {
                queue.remove(timer);
            }
        }
    }

    /** Runs the timers that are due, each once. */
    void runDue() {
        long now = System.nanoTime();
        List<Timer> due = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && queue.peek().due - now <= 0) {
                Timer timer = queue.poll();
                due.add(timer);
                if (timer.period > 0) {
                    var again = new Timer(timer.id, now + timer.period, timer.period, timer.callback);
                    queue.add(again);
                    byId.put(timer.id, again);
                } else {
                    byId.remove(timer.id);
                }
            }
        }
        for (Timer timer : due) {
            if (closed) {
                return;
            }
            scope.callBack("timer " + timer.id, timer.callback);
        }
    }

    /** {@return nanoseconds until the next timer is due, or a millisecond when none is} */
    long nanosToNext() {
        synchronized (queue) {
            return queue.isEmpty() ? 1_000_000L : Math.max(0, queue.peek().due - System.nanoTime());
        }
    }

    /** Drops every timer: the resource stopped. */
    void close() {
        closed = true;
        synchronized (queue) {
            queue.clear();
            byId.clear();
        }
    }
}

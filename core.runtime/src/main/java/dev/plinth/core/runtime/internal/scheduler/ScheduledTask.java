package dev.plinth.core.runtime.internal.scheduler;

import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.scheduler.Task;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A task in the {@link TaskQueue}: its schedule and state. The schedule ({@link #due}) is only touched on the game
 * thread; the cancellation flag is volatile so any thread may cancel. A cancelled task lets go of what it runs at
 * once: the queue may keep the task itself until its due tick, never the resource behind it.
 */
final class ScheduledTask implements Task {

    private final long id;
    private final Owner owner;
    private final long period;
    private volatile @Nullable Runnable body;
    private final Consumer<ScheduledTask> onDone;
    private volatile boolean scheduled = true;
    private long due;

    /**
     * Creates a task.
     *
     * @param id its number
     * @param owner its resource
     * @param due the tick it first runs at
     * @param period ticks between runs, 0 for a one-shot task
     * @param body what it runs
     * @param onDone called once when the task stops being scheduled (to forget it)
     */
    ScheduledTask(long id, Owner owner, long due, long period, Runnable body, Consumer<ScheduledTask> onDone) {
        this.id = id;
        this.owner = owner;
        this.due = due;
        this.period = period;
        this.body = body;
        this.onDone = onDone;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String owner() {
        return owner.name();
    }

    @Override
    public boolean cancel() {
        if (!scheduled) {
            return false;
        }
        scheduled = false;
        body = null; // what the task runs (a script's whole state, often) goes now, not at its next due tick
        onDone.accept(this);
        return true;
    }

    @Override
    public boolean isScheduled() {
        return scheduled;
    }

    long due() {
        return due;
    }

    /**
     * Runs the body once and works out the next run.
     *
     * @return {@code true} when the task runs again
     */
    boolean runOnce() {
        Runnable current = body;
        try {
            if (current != null) {
                current.run();
            }
        } finally {
            if (period > 0 && scheduled) {
                due += period;
            } else if (period == 0) {
                cancel();
            }
        }
        return scheduled;
    }

    @Override
    public String toString() {
        return "task " + id + " of resource '" + owner + "'";
    }
}

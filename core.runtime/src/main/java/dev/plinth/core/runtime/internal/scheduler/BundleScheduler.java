package dev.plinth.core.runtime.internal.scheduler;

import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.scheduler.Task;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Scheduler} of one resource: one instance per bundle that uses the service. When the bundle releases
 * it (it stops), every task it scheduled is cancelled and its off-thread work interrupted. Thread-safe.
 */
@Component(service = Scheduler.class, scope = ServiceScope.BUNDLE)
public final class BundleScheduler implements Scheduler {

    private final Owner owner;
    private final TaskQueue queue;
    private final Map<Long, ScheduledTask> tasks = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<?>, Future<?>> running = new ConcurrentHashMap<>();
    private final Executor onGameThread = command -> runLater(0, command);

    /**
     * Creates the scheduler of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param queue the shared task queue
     */
    @Activate
    public BundleScheduler(ComponentContext context, @Reference TaskQueue queue) {
        this(Owner.of(context.getUsingBundle()), queue);
    }

    /**
     * Creates the scheduler of a resource.
     *
     * @param owner the resource
     * @param queue the shared task queue
     */
    public BundleScheduler(Owner owner, TaskQueue queue) {
        this.owner = owner;
        this.queue = queue;
    }

    /** Cancels every task of the resource and interrupts its off-thread work. */
    @Deactivate
    public void close() {
        tasks.values().forEach(ScheduledTask::cancel);
        running.keySet().forEach(result -> result.cancel(true));
    }

    @Override
    public Task runLater(long delayTicks, Runnable task) {
        if (delayTicks < 0) {
            throw new IllegalArgumentException("resource '" + owner + "': a task's delay must be at least 0 ticks, not "
                    + delayTicks);
        }
        return add(delayTicks, 0, task);
    }

    @Override
    public Task runRepeating(long delayTicks, long periodTicks, Runnable task) {
        if (delayTicks < 0 || periodTicks < 1) {
            throw new IllegalArgumentException("resource '" + owner + "': a repeating task needs a delay of at least 0"
                    + " and a period of at least 1 tick, not " + delayTicks + " and " + periodTicks);
        }
        return add(delayTicks, periodTicks, task);
    }

    private Task add(long delay, long period, Runnable body) {
        Objects.requireNonNull(body, "task");
        ScheduledTask task = queue.create(owner, delay, period, body, done -> tasks.remove(done.id()));
        tasks.put(task.id(), task);
        queue.enqueue(task);
        return task;
    }

    @Override
    public boolean cancel(long taskId) {
        ScheduledTask task = tasks.get(taskId);
        return task != null && task.cancel();
    }

    @Override
    public List<Task> tasks() {
        return tasks.values().stream().sorted(Comparator.comparingLong(ScheduledTask::id)).map(Task.class::cast).toList();
    }

    @Override
    public <T> CompletableFuture<T> runAsync(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        var result = new CompletableFuture<T>();
        Future<?> future = queue.async().submit(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        running.put(result, future);
        result.whenComplete((value, failure) -> {
            running.remove(result);
            if (result.isCancelled()) {
                future.cancel(true);
            }
        });
        return result;
    }

    @Override
    public Executor onGameThread() {
        return onGameThread;
    }
}

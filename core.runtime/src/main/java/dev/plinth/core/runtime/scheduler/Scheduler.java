package dev.plinth.core.runtime.scheduler;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a resource's tasks on the game thread, counted in ticks (20 per second). Obtained as a bundle-scoped OSGi
 * service: every task belongs to the calling resource and is cancelled when it stops.
 *
 * <p>Tasks due in the same tick run at its start, in the order of their due tick, then of scheduling. A task that
 * throws is logged with its resource; a repeating task keeps its schedule.
 *
 * <p>Every method is thread-safe; the tasks themselves always run on the game thread.
 */
@ProviderType
public interface Scheduler {

    /**
     * Runs a task once, after a delay.
     *
     * @param delayTicks how many ticks to wait: 0 or 1 is the next tick
     * @param task the task
     * @return the scheduled task
     * @throws IllegalArgumentException when the delay is negative
     */
    Task runLater(long delayTicks, Runnable task);

    /**
     * Runs a task again and again.
     *
     * @param delayTicks ticks before the first run: 0 or 1 is the next tick
     * @param periodTicks ticks between two runs, at least 1
     * @param task the task
     * @return the scheduled task
     * @throws IllegalArgumentException when the delay is negative or the period below 1
     */
    Task runRepeating(long delayTicks, long periodTicks, Runnable task);

    /**
     * Cancels a task of this resource by its number.
     *
     * @param taskId the task's {@link Task#id()}
     * @return {@code true} when it was still scheduled
     */
    boolean cancel(long taskId);

    /**
     * This resource's scheduled tasks.
     *
     * @return a snapshot
     */
    List<Task> tasks();

    /**
     * Runs work off the game thread, on a shared pool of worker threads ({@code plinth-async-N}). Come back with
     * {@code runAsync(work).thenAcceptAsync(result -> ..., scheduler.onGameThread())}. When the resource stops,
     * work not yet finished is cancelled (its thread interrupted).
     *
     * @param <T> the result type
     * @param work the work
     * @return completes on a worker thread with the work's result or failure
     */
    <T> CompletableFuture<T> runAsync(Callable<T> work);

    /**
     * An executor that runs each command on the game thread at the start of the next tick, as a task of this
     * resource (dropped if the resource stops first).
     *
     * @return the executor
     */
    Executor onGameThread();
}

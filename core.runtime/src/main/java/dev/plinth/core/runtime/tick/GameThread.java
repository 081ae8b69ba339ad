package dev.plinth.core.runtime.tick;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one thread that owns game state ({@code plinth-tick}): it runs 20 ticks a second and, between two ticks,
 * the work other threads queue here. Anything that reads or changes players, worlds or entities runs on it.
 *
 * <h2>Tick boundary</h2>
 * Work given to {@link #execute} or {@link #submit} runs between two ticks, in the order it was queued, never in
 * the middle of one: this is where lifecycle operations requested by the shell or the web are applied.
 * Expensive work (reading files, compiling scripts) belongs on the caller's thread, before the switch.
 *
 * <h2>Deterministic sections</h2>
 * While the game thread runs a tick (scheduled tasks, world updates, the {@code server_tick} event) or
 * dispatches a game event, it is in a <em>deterministic section</em>: {@link #inDeterministicSection()} is
 * {@code true}. Code there must not change the set of running resources (their handlers would appear or vanish
 * in the middle of a dispatch); the resource manager refuses such calls with {@code ERR_DETERMINISTIC_POLICY}, and
 * the way out is to {@link #execute} them for the next tick boundary.
 *
 * <p>Every method is thread-safe.
 */
@ProviderType
public interface GameThread extends Executor {

    /**
     * Queues work for the next tick boundary; on the game thread itself, the work is queued too (it runs after
     * the current work, not inside it).
     *
     * @param work the work; a failure is logged and does not stop the game thread
     * @throws RejectedExecutionException when the server is stopping
     */
    @Override
    void execute(Runnable work);

    /**
     * Queues work for the next tick boundary and hands back its result.
     *
     * @param <T> the result type
     * @param work the work
     * @return completes on the game thread with the work's result or failure; completes exceptionally with a
     *     {@link RejectedExecutionException} when the server stops before running it
     */
    <T> CompletableFuture<T> submit(Callable<T> work);

    /**
     * Whether the calling thread is the game thread.
     *
     * @return {@code true} on the game thread
     */
    boolean isGameThread();

    /**
     * Whether the calling code runs in a deterministic section of the game thread (see above).
     *
     * @return {@code true} inside a tick or a game event's dispatch; always {@code false} on other threads
     */
    boolean inDeterministicSection();

    /**
     * The number of the tick running now, or between two ticks of the last one that ran: 0 before the first.
     *
     * @return the tick number
     */
    long currentTick();

    /**
     * How long the recent ticks took.
     *
     * @return a snapshot
     */
    TickStatistics statistics();
}

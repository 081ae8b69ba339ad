package dev.plinth.core.resource.internal.runtime;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.Version;

/**
 * What the resource manager needs from the server: the thread that owns game state, where lifecycle transitions
 * are applied at a tick boundary, and the facts resource dependencies are checked against. A narrow seam over
 * core.runtime's game thread; {@link OwnLifecycleThread} stands in when no server runs.
 *
 * <p>Thread-safe.
 */
public interface ServerThread {

    /**
     * Queues work for the next tick boundary.
     *
     * @param <T> the result type
     * @param work the transition
     * @return completes with the work's result or failure
     */
    <T> CompletableFuture<T> submit(Callable<T> work);

    /**
     * Whether the caller is the thread {@link #submit} runs work on (it must then run work inline, not wait for
     * itself).
     *
     * @return {@code true} on that thread
     */
    boolean isCurrentThread();

    /**
     * Whether the thread ticks between the work it is given (a game loop), so that what a resource awaits (its
     * timers) runs while a caller waits for it; a thread that only applies transitions does not.
     *
     * @return {@code true} for a game thread whose clock runs
     */
    default boolean ticks() {
        return true;
    }

    /**
     * Whether the caller runs inside a handler the server runs deterministically (a tick, a game event's dispatch),
     * where lifecycle operations are refused.
     *
     * @return {@code true} inside such a section
     */
    boolean inDeterministicSection();

    /**
     * The version of the game the server runs, for {@code @game} dependencies.
     *
     * @return the version, or empty when the server does not say
     */
    Optional<Version> gameVersion();
}

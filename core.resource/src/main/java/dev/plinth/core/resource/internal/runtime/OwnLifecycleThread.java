package dev.plinth.core.resource.internal.runtime;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.framework.Version;

/**
 * The server thread when no game thread is available: one thread of its own, {@code plinth-resource-lifecycle},
 * applies the transitions one after the other, as the game thread would between ticks. No section is
 * deterministic and no game version is known.
 *
 * <p>Thread-safe. {@link #close()} stops the thread; work queued after it is refused.
 */
public final class OwnLifecycleThread implements ServerThread, AutoCloseable {

    private final ExecutorService executor;
    private volatile Thread thread;

    /** Creates the thread lazily, at the first transition. */
    public OwnLifecycleThread() {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = Thread.ofPlatform().name("plinth-resource-lifecycle").daemon().unstarted(runnable);
            thread = t;
            return t;
        });
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        var result = new CompletableFuture<T>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public boolean ticks() {
        return false;
    }

    @Override
    public boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public boolean inDeterministicSection() {
        return false;
    }

    @Override
    public Optional<Version> gameVersion() {
        return Optional.empty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package dev.plinth.core.resource.internal.runtime;

import dev.plinth.core.runtime.tick.GameThread;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.Version;

/**
 * The server thread of a running server: core.runtime's game thread, which applies lifecycle transitions between
 * two ticks and knows when a handler runs in a deterministic section.
 *
 * @param gameThread the game thread service
 */
public record GameThreadAdapter(GameThread gameThread) implements ServerThread {

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        return gameThread.submit(work);
    }

    @Override
    public boolean isCurrentThread() {
        return gameThread.isGameThread();
    }

    @Override
    public boolean inDeterministicSection() {
        return gameThread.inDeterministicSection();
    }

    @Override
    public Optional<Version> gameVersion() {
        return Optional.empty(); // core.runtime does not publish the game's version yet
    }
}

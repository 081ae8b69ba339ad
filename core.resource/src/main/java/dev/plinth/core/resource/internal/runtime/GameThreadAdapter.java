package dev.plinth.core.resource.internal.runtime;

import dev.plinth.core.runtime.tick.GameThread;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.Version;

/**
 * The server thread of a running server: core.runtime's game thread, which applies lifecycle transitions between
 * two ticks and knows when a handler runs in a deterministic section, and the version of the game the server runs.
 *
 * @param gameThread the game thread service
 * @param gameVersion the game's version ({@code Server.gameVersion()}), empty while no server is registered
 */
public record GameThreadAdapter(GameThread gameThread, Optional<Version> gameVersion) implements ServerThread {

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        return gameThread.submit(work);
    }

    @Override
    public boolean isCurrentThread() {
        return gameThread.isGameThread();
    }

    /** A paused clock ({@code game.startPaused}, {@code sim:tick}) runs queued work only, no ticks. */
    @Override
    public boolean ticks() {
        return !gameThread.statistics().paused();
    }

    @Override
    public boolean inDeterministicSection() {
        return gameThread.inDeterministicSection();
    }
}

package dev.plinth.lang.js.internal.host;

import dev.plinth.core.runtime.host.PendingStart;
import java.util.concurrent.CompletableFuture;

/**
 * A JavaScript resource's start whose {@code onAttach} awaits: what the resource manager waits for off the game thread.
 *
 * @param resource the resource
 * @param bundleId its bundle's id
 * @param finished completed by the host once the start has finished, exceptionally with its failure's one-line message
 * @param here waits for {@code onAttach} on the calling thread, running the resource's timers
 */
record JsPendingStart(String resource, long bundleId, CompletableFuture<Void> finished, Runnable here)
        implements PendingStart {

    @Override
    public void finishHere() {
        here.run();
    }
}

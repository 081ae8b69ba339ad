package dev.plinth.lang.js.internal.host;

import dev.plinth.core.runtime.host.PendingHook;
import java.util.concurrent.CompletableFuture;

/**
 * A JavaScript resource's {@code onAttach} or {@code onDetach} whose promise awaits: what the resource manager waits
 * for off the game thread.
 *
 * @param resource the resource
 * @param bundleId its bundle's id
 * @param finished completed by the host once the hook and what follows it have finished; for a start, exceptionally
 *     with its failure's one-line message
 * @param here waits for the hook on the calling thread, running the resource's timers
 */
record JsPendingHook(String resource, long bundleId, CompletableFuture<Void> finished, Runnable here)
        implements PendingHook {

    @Override
    public void finishHere() {
        here.run();
    }
}

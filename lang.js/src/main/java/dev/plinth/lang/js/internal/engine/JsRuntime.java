package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.watchdog.Watchdog;
import java.util.Objects;

/**
 * What every JavaScript resource's context shares: the GraalJS engine, the blank contexts made ahead of need, core.sandbox's
 * wall-clock watchdog and the host's allocation guard.
 *
 * @param engine the shared engine
 * @param contexts where a resource's blank context comes from (made ahead, off the game thread, or on the spot)
 * @param watchdog the server's watchdog
 * @param allocations the per-call allocation guard
 */
public record JsRuntime(SharedEngine engine, ContextReserve contexts, Watchdog watchdog, AllocationWatch allocations) {

    /** Validates the components. */
    public JsRuntime {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(watchdog, "watchdog");
        Objects.requireNonNull(allocations, "allocations");
    }

    /**
     * A runtime without a reserve: every context is made when its resource starts, on that thread.
     *
     * @param engine the shared engine
     * @param watchdog the server's watchdog
     * @param allocations the per-call allocation guard
     */
    public JsRuntime(SharedEngine engine, Watchdog watchdog, AllocationWatch allocations) {
        this(engine, ContextReserve.none(engine), watchdog, allocations);
    }
}

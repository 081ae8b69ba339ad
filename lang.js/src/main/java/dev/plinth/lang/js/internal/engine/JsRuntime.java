package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.watchdog.Watchdog;
import java.util.Objects;

/**
 * What every JavaScript resource's context shares: the GraalJS engine, core.sandbox's wall-clock watchdog and the
 * host's allocation guard.
 *
 * @param engine the shared engine
 * @param watchdog the server's watchdog
 * @param allocations the per-call allocation guard
 */
public record JsRuntime(SharedEngine engine, Watchdog watchdog, AllocationWatch allocations) {

    /** Validates the components. */
    public JsRuntime {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(watchdog, "watchdog");
        Objects.requireNonNull(allocations, "allocations");
    }
}

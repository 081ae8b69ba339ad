package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.runtime.host.HostDetach;
import dev.plinth.core.runtime.host.PendingHook;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link HostDetach} services of the language hosts: before a started resource bundle stops, each one runs the
 * resource's stop hook, and the one whose hook awaits gives it, so that the stop waits for it off the game thread
 * ({@link Transitions#stop}). What a host throws is logged: the bundle stops all the same.
 *
 * <p>Thread-safe.
 */
final class StopHooks implements AutoCloseable {

    private final ServiceTracker<HostDetach, HostDetach> tracker;
    private final Logger log;

    StopHooks(BundleContext context, Logger log) {
        this.tracker = new ServiceTracker<>(context, HostDetach.class, null);
        this.log = log;
    }

    void open() {
        tracker.open();
    }

    /**
     * Runs a bundle's stop hook through every host, on the game thread.
     *
     * @return the hook while it still awaits; empty when every host is done with it
     */
    Optional<PendingHook> detach(Bundle bundle) {
        Optional<PendingHook> awaiting = Optional.empty();
        for (HostDetach host : tracker.getTracked().values()) {
            try {
                Optional<PendingHook> hook = host.detach(bundle);
                if (hook.isPresent()) {
                    awaiting = hook;
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                log.error("bundle {}: its host failed to run its stop hook (it stops all the same): {}",
                        bundle.getBundleId(), e.toString());
            }
        }
        return awaiting;
    }

    @Override
    public void close() {
        tracker.close();
    }
}

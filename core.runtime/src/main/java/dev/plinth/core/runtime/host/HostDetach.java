package dev.plinth.core.runtime.host;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * Runs a resource's stop hook ahead of its bundle's stop, so that a hook that awaits (a Staminal mod's
 * {@code async onDetach()}) does so while the game thread goes on ticking. A whiteboard service a language host
 * registers; the resource manager calls every one on the game thread, at the tick boundary where it stops a started
 * resource, just before {@code Bundle.stop}; when one returns a {@link PendingHook}, it waits for it off the game
 * thread (within the stop timeout) and stops the bundle once it has finished, whichever way. The resource keeps
 * running meanwhile: its handlers, tasks and timers still run until the bundle stops.
 *
 * <p>A host that does not run the bundle, or whose resource has no stop hook, returns empty. A host that ran the
 * hook here does not run it again when the bundle stops; a bundle stopped by other means (the framework shutting down)
 * gets its hook from the host's stop as before.
 *
 * <p>Called on the game thread.
 */
@ConsumerType
public interface HostDetach {

    /**
     * Runs a started resource bundle's stop hook.
     *
     * @param resource the resource bundle, active
     * @return the hook while it still awaits; empty when it finished during the call, failed (the host logged it) or
     *     does not exist
     */
    Optional<PendingHook> detach(Bundle resource);
}

package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resources are mid-transition. A lifecycle call takes the lock of each resource it changes; a second call
 * meanwhile is refused at once with {@code ERR_RESOURCE_LOCKED} rather than queued behind the first.
 *
 * <p>Thread-safe.
 */
final class TransitionLocks {

    private final ConcurrentHashMap<String, String> held = new ConcurrentHashMap<>();

    /**
     * Takes the lock of a resource.
     *
     * @param name the resource
     * @param operation what is being done, for the refusal of others ({@code starting}, {@code restarting})
     * @return the lock, to close when the transition is over
     * @throws ResourceException ERR_RESOURCE_LOCKED when another transition holds it
     */
    Lock acquire(String name, String operation) {
        String other = held.putIfAbsent(name, operation);
        if (other != null) {
            throw new ResourceException(ResourceErrorCode.ERR_RESOURCE_LOCKED, name,
                    name + " is locked: it is " + other + "; try again when that is over");
        }
        return new Lock(name);
    }

    /** Whether a resource is mid-transition. */
    boolean isLocked(String name) {
        return held.containsKey(name);
    }

    /** The lock of one resource. */
    final class Lock implements AutoCloseable {
        private final String name;
        private boolean deferred;

        private Lock(String name) {
            this.name = name;
        }

        /**
         * Keeps the resource locked after {@link #close()} until a transition that outlived its timeout is over.
         *
         * @param transition the transition still running
         */
        void holdUntil(CompletableFuture<?> transition) {
            deferred = true;
            transition.whenComplete((result, failure) -> held.remove(name));
        }

        @Override
        public void close() {
            if (!deferred) {
                held.remove(name);
            }
        }
    }
}

package dev.plinth.core.resource.internal.lifecycle;

import java.util.Optional;

/** What the transitions read of the failures the hosts registered: the latest one of a bundle, and whether it is new. */
interface HostFailureLookup {

    /**
     * The latest failure a host registered for a bundle, while it is registered.
     *
     * @param bundleId the resource bundle
     * @return its message
     */
    Optional<String> message(long bundleId);

    /**
     * A number that grows with every failure registered for a bundle, so that a start can tell a failure registered
     * while it ran from an older one.
     *
     * @param bundleId the resource bundle
     * @return the number of its latest failure; 0 before the first
     */
    long sequence(long bundleId);
}

package dev.plinth.core.sandbox.watchdog;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a language host does when one of a resource's calls runs past its bound.
 *
 * <p>Called on the watchdog thread while the call is still in progress (its {@link Watch#exit} waits meanwhile): an
 * interrupter must return quickly and must never wait for the call or take a lock the call may hold.
 */
@ConsumerType
@FunctionalInterface
public interface Interrupter {

    /**
     * Interrupts the call.
     *
     * @param overrun which call, how long it ran, and whether it was told before
     */
    void interrupt(Overrun overrun);
}

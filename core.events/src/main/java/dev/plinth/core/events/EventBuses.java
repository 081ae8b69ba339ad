package dev.plinth.core.events;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Buses for owners that are not bundles, an OSGi service: {@link #open views of the framework's bus} for things
 * that come and go inside one bundle (a client connected to the server posts its events through one, as itself),
 * and {@link #detached() buses of their own} (a headless client's).
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface EventBuses {

    /**
     * A view of the framework's shared bus for an owner that is not a bundle; close it when the owner goes away (its
     * handlers go with it; the caller's bundle stopping closes it too).
     *
     * @param owner the owner's name, the {@code source} of the events it posts ({@code alice})
     * @return the view
     */
    OwnedEventBus open(String owner);

    /**
     * A new bus, separate from the framework's.
     *
     * @return the bus; close it when done
     */
    DetachedEventBus detached();
}

package dev.plinth.core.events;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A view of a bus for an owner that is not a bundle (a connected client, one resource of a headless client): what it
 * subscribes belongs to it, the events it posts carry it as their {@code source}, and {@link #close()} removes its
 * handlers, as a bundle's stop would.
 *
 * <p>Thread-safe, like every {@link EventBus}; {@link #close()} is idempotent.
 */
@ProviderType
public interface OwnedEventBus extends EventBus, AutoCloseable {

    /** {@return the owner's name: the {@code source} of the events it posts} */
    String owner();

    /** Unsubscribes every handler of this owner; later subscriptions are refused with an {@link EventException}. */
    @Override
    void close();
}

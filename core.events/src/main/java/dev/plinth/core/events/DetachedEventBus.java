package dev.plinth.core.events;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bus of its own, separate from the framework's: what is posted on it reaches only the owners opened on it. A
 * headless client keeps its events (transfers, its scripts' handlers) on one, so several clients in one process never
 * see each other's events, nor the server's. Same order, cancellation, envelope and failure isolation as the shared
 * bus.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
@ProviderType
public interface DetachedEventBus extends AutoCloseable {

    /**
     * Opens a view for one owner; owners opened earlier come first in the load order.
     *
     * @param owner the owner's name, the {@code source} of the events it posts
     * @return the view
     * @throws EventException once the bus is closed
     */
    OwnedEventBus open(String owner);

    /** Closes every view and drops every handler. */
    @Override
    void close();
}

package dev.plinth.core.events;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One or more handlers subscribed together. Closing it unsubscribes them; stopping the owning bundle does the same
 * for every subscription it made. Thread-safe.
 */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** Unsubscribes; calling it again does nothing. The handlers run no more after this returns. */
    @Override
    void close();

    /**
     * Whether the handlers are still subscribed.
     *
     * @return {@code false} once closed or once the owner stopped
     */
    boolean isActive();
}

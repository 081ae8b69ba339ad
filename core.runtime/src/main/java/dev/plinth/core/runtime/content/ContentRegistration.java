package dev.plinth.core.runtime.content;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A type registered with {@link GameContent}. Closing it removes the type (entities of a removed entity type
 * despawn). Closing is idempotent and allowed from any thread: off the game thread, the removal runs at the next
 * tick boundary.
 */
@ProviderType
public interface ContentRegistration extends AutoCloseable {

    /**
     * The registered id.
     *
     * @return the namespaced id
     */
    String id();

    /** Removes the type. */
    @Override
    void close();
}

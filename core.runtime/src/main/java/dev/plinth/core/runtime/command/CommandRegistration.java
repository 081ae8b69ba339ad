package dev.plinth.core.runtime.command;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A registered command. Closing it unregisters the command; stopping the owning resource does the same for all of
 * its commands. Thread-safe.
 */
@ProviderType
public interface CommandRegistration extends AutoCloseable {

    /**
     * The command as registered.
     *
     * @return its description
     */
    CommandInfo info();

    /** Unregisters the command; calling it again does nothing. */
    @Override
    void close();
}

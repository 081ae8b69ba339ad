package dev.plinth.client;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Connects headless clients to servers, an OSGi service. Each client is independent: its own session, cache folder,
 * event bus and script runtimes; many may run in one process.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface PlinthClients {

    /**
     * Joins a server and loads what it sends: the join, the socket, the transfer of every missing file (resumed,
     * verified), then the client scripts. Blocks until the client is loaded.
     *
     * @param options where, as whom, with which cache
     * @return the connected client; close it to leave
     * @throws ClientException when the server cannot be reached, refuses the join, or a transfer fails verification
     */
    PlinthClient connect(ClientOptions options);
}

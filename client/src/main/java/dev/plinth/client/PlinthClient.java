package dev.plinth.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A connected headless client. Its scripts keep running, and it keeps following the server's {@code resource:sync}
 * pushes (downloading what changed, reloading), until it is closed.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface PlinthClient extends AutoCloseable {

    /** {@return the player's name} */
    String player();

    /** {@return every resource the server listed, with its state on this client, sorted by name} */
    List<ClientResource> resources();

    /**
     * Whether a resource's client scripts marked it ready ({@code Resource.MarkReady}).
     *
     * @param resource the resource
     * @return {@code true} once marked, until it unloads
     */
    boolean isReady(String resource);

    /** {@return every event posted on this client's bus so far, oldest first (the last 10,000)} */
    List<ClientEvent> events();

    /**
     * Waits for an event.
     *
     * @param matches which event
     * @param timeout how long to wait
     * @return the first matching event posted since the client joined, empty after the timeout
     */
    Optional<ClientEvent> awaitEvent(Predicate<ClientEvent> matches, Duration timeout);

    /** {@return the totals of the transfers so far: files and bytes downloaded, files found in the cache} */
    TransferTotals transfers();

    /**
     * Runs one client command, as {@code --exec} does: {@code resources}, {@code ready NAME}, {@code events [N]},
     * {@code emit NAME JSON}, {@code wait EVENT [SECONDS]}, {@code sleep MILLIS}.
     *
     * @param command the command line
     * @return what it prints
     * @throws ClientException for an unknown or malformed command
     */
    String execute(String command);

    /** Leaves: scripts stop, the socket closes, the player leaves the world. Idempotent. */
    @Override
    void close();
}

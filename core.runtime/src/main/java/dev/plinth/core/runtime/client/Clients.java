package dev.plinth.core.runtime.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The clients connected to the server (headless clients, game clients speaking Plinth's client protocol), an OSGi
 * service of the bundle that serves them.
 *
 * <p>Thread-safe: any thread; {@link #emit} never waits for the client.
 */
@ProviderType
public interface Clients {

    /**
     * The connected clients, sorted by player name.
     *
     * @return a snapshot of each
     */
    List<ConnectedClient> connected();

    /**
     * One connected client.
     *
     * @param player the player's name
     * @return its snapshot, empty when no client of that player is connected
     */
    Optional<ConnectedClient> client(String player);

    /**
     * Sends an event to the scripts of one player's client ({@code mc.emit_client}); their {@code AddEventHandler}
     * handlers of that name receive it.
     *
     * @param player the player's name
     * @param name the event name, {@code resource:event} in the sender's namespace (the caller checks it)
     * @param payload plain values
     * @return whether it was sent, or why not
     * @throws IllegalArgumentException when the payload is larger than a client event may be, naming the limit
     */
    EmitResult emit(String player, String name, Map<String, ?> payload);

    /**
     * How many connected clients have marked a resource ready ({@code Resource.MarkReady} on the client).
     *
     * @param resource the resource name
     * @return the count
     */
    default long readyCount(String resource) {
        return connected().stream().filter(c -> c.ready().contains(resource)).count();
    }
}

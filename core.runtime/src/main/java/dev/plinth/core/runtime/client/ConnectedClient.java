package dev.plinth.core.runtime.client;

import java.util.Objects;
import java.util.Set;

/**
 * One connected client, as the server last heard from it.
 *
 * @param player the player's name
 * @param address where it connects from ({@code 127.0.0.1:51234})
 * @param state {@code joined} (no socket yet), {@code transferring}, {@code loaded} (every resource downloaded)
 * @param receivedCount files it has downloaded of this transfer
 * @param totalCount files it had to download
 * @param receivedBytes bytes it has downloaded
 * @param totalBytes bytes it had to download
 * @param ready the resources its scripts marked ready
 */
public record ConnectedClient(String player, String address, String state, long receivedCount, long totalCount,
        long receivedBytes, long totalBytes, Set<String> ready) {

    /** Validates and copies the components. */
    public ConnectedClient {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        ready = Set.copyOf(ready);
    }
}

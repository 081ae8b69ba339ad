package dev.plinth.transfer.internal.session;

import dev.plinth.client.protocol.EventRate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code clients} key of {@code conf/server.json}: what one client may send and receive.
 *
 * @param maxEventKb the largest event payload, in KiB, either way (a larger one is refused)
 * @param eventsPerSecond the events one client may send, and receive from scripts, per second (a burst of four
 *     seconds' worth passes; the rest is dropped)
 * @param socketTimeoutSeconds how long a session may go without its WebSocket before it ends (its player leaves)
 */
public record ClientSettings(@Nullable Integer maxEventKb, @Nullable Integer eventsPerSecond,
        @Nullable Integer socketTimeoutSeconds) {

    /** Every key at its default. */
    public static final ClientSettings DEFAULTS = new ClientSettings(null, null, null);

    /**
     * Fills in the defaults and checks the values.
     *
     * @throws IllegalArgumentException when a value is not positive
     */
    public ClientSettings {
        maxEventKb = positive("clients.maxEventKb", Objects.requireNonNullElse(maxEventKb, 64));
        eventsPerSecond = positive("clients.eventsPerSecond",
                Objects.requireNonNullElse(eventsPerSecond, EventRate.DEFAULT_PER_SECOND));
        socketTimeoutSeconds = positive("clients.socketTimeoutSeconds",
                Objects.requireNonNullElse(socketTimeoutSeconds, 60));
    }

    /** {@return the largest event payload in bytes} */
    public int maxEventBytes() {
        return maxEventKb * 1024;
    }

    private static int positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be a positive whole number, not " + value);
        }
        return value;
    }
}

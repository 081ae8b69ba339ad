package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.server.Server;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;

/**
 * Gives a resource that was just reloaded the context it missed: a {@code player_join} for each player online,
 * {@linkplain PlayerJoinEvent#replayed() replayed}, delivered to that resource's handlers only (every other resource
 * saw those players join already). Players stay connected throughout; their inventory, position and the forms of
 * other resources are untouched.
 *
 * <p>Called on the game thread.
 */
public final class ContextReplay {

    private final Supplier<Optional<EventBus>> bus;
    private final Supplier<Optional<Server>> server;

    /**
     * Creates the replay.
     *
     * @param bus the resource manager's view of the bus, when there is one
     * @param server the running server, when there is one
     */
    public ContextReplay(Supplier<Optional<EventBus>> bus, Supplier<Optional<Server>> server) {
        this.bus = bus;
        this.server = server;
    }

    /**
     * Replays the players online to one resource bundle.
     *
     * @param bundle the reloaded resource
     * @return how many joins were replayed
     */
    public int replay(Bundle bundle) {
        Optional<EventBus> events = bus.get();
        if (events.isEmpty()) {
            return 0;
        }
        List<Player> online = server.get().map(Server::onlinePlayers).orElse(List.of());
        for (Player player : online) {
            events.get().replay(PlayerJoinEvent.replay(player), bundle);
        }
        return online.size();
    }
}

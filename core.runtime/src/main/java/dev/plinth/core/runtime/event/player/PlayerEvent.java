package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.Event;
import dev.plinth.core.runtime.player.Player;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An event about one player: every standard {@code player_*} event. Script hosts read {@code event.player} through
 * it.
 *
 * <p>Thread rule: as the event's; the player is game-thread only.
 */
@ProviderType
public interface PlayerEvent extends Event {

    /** {@return the player the event is about} */
    Player player();
}

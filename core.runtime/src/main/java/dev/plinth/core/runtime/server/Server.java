package dev.plinth.core.runtime.server;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.framework.Version;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.log.Logger;

/**
 * The game server, obtained as a bundle-scoped OSGi service: every resource gets its own view, whose
 * {@link #dataFolder()} and {@link #logger()} are the resource's own.
 *
 * <p>Thread rule: {@link #name()}, {@link #version()}, {@link #gameVersion()}, {@link #tick()},
 * {@link #dataFolder()} and {@link #logger()} may be called from any thread; the other methods read or change game state and must be called
 * on the game thread ({@link dev.plinth.core.runtime.tick.GameThread}); elsewhere they throw
 * {@link WrongThreadException}.
 */
@ProviderType
public interface Server {

    /**
     * The server's name (server setting {@code name}).
     *
     * @return the name
     */
    String name();

    /**
     * What runs the game and its version.
     *
     * @return for example {@code Plinth simulated server 0.1.0}
     */
    String version();

    /**
     * The version of the game the server runs: what a mod's {@code @game} requirement is checked against. The
     * simulated server runs Minecraft Bedrock {@code 1.21.50} unless the server setting {@code game.version} says
     * otherwise; it does not change while the server runs.
     *
     * @return the game's version, for example {@code 1.21.50}
     */
    Version gameVersion();

    /**
     * The number of the last tick that ran.
     *
     * @return from 0
     */
    long tick();

    /**
     * The players online, in the order they joined.
     *
     * @return a snapshot
     */
    List<Player> onlinePlayers();

    /**
     * Finds an online player by name, ignoring case.
     *
     * @param name the name
     * @return the player, or empty when nobody of that name is online
     */
    Optional<Player> player(String name);

    /**
     * Finds an online player by UUID.
     *
     * @param uuid the UUID
     * @return the player, or empty when they are not online
     */
    Optional<Player> player(UUID uuid);

    /**
     * Sends a chat message to every online player.
     *
     * @param message the text
     */
    void broadcast(String message);

    /**
     * The worlds, one per dimension.
     *
     * @return overworld, nether, the end
     */
    List<World> worlds();

    /**
     * The world of a dimension.
     *
     * @param dimension the dimension
     * @return its world
     */
    World world(Dimension dimension);

    /**
     * Finds a world by name.
     *
     * @param name {@code overworld}, {@code nether} or {@code the_end}
     * @return the world, or empty for another name
     */
    Optional<World> world(String name);

    /**
     * Finds an entity (player or not) in any world.
     *
     * @param id the entity id
     * @return the entity, or empty when none has that id
     */
    Optional<Entity> entity(long id);

    /**
     * The calling resource's data folder, {@code data/<resource>/} in the instance home; not created by this call
     * (see {@link dev.plinth.core.runtime.config.ConfigStore#folder()}).
     *
     * @return the folder
     */
    Path dataFolder();

    /**
     * The calling resource's logger (OSGi Log Service), named after the resource.
     *
     * @return the logger
     */
    Logger logger();
}

package dev.plinth.core.runtime.internal.server;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.internal.sim.SimServer;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link Server} one resource sees: the simulated server, with the resource's own data folder and logger.
 * One instance per bundle that uses the service.
 */
@Component(service = Server.class, scope = ServiceScope.BUNDLE)
public final class ServerView implements Server {

    private final SimServer server;
    private final Path dataFolder;
    private final Logger logger;

    /**
     * Creates the view of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param server the simulated server
     * @param settings where the instance home is
     * @param loggers the log service
     */
    @Activate
    public ServerView(ComponentContext context, @Reference SimServer server, @Reference ServerSettings settings,
            @Reference LoggerFactory loggers) {
        Bundle bundle = context.getUsingBundle();
        Owner owner = Owner.of(bundle);
        this.server = server;
        this.dataFolder = settings.dataFolder(owner).orElseGet(() -> Path.of("data", owner.name()));
        this.logger = loggers.getLogger(bundle, owner.name(), Logger.class);
    }

    @Override
    public String name() {
        return server.name();
    }

    @Override
    public String version() {
        return SimServer.VERSION;
    }

    @Override
    public Version gameVersion() {
        return server.gameVersion();
    }

    @Override
    public long tick() {
        return server.tick();
    }

    @Override
    public List<Player> onlinePlayers() {
        return List.copyOf(server.onlinePlayers());
    }

    @Override
    public Optional<Player> player(String name) {
        return server.player(name).map(Player.class::cast);
    }

    @Override
    public Optional<Player> player(UUID uuid) {
        return server.player(uuid).map(Player.class::cast);
    }

    @Override
    public void broadcast(String message) {
        server.broadcast(message);
    }

    @Override
    public List<World> worlds() {
        return List.copyOf(server.worlds());
    }

    @Override
    public World world(Dimension dimension) {
        return server.world(dimension);
    }

    @Override
    public Optional<World> world(String name) {
        return Dimension.byId(name).map(server::world);
    }

    @Override
    public Optional<Entity> entity(long id) {
        return server.entity(id);
    }

    @Override
    public Path dataFolder() {
        return dataFolder;
    }

    @Override
    public Logger logger() {
        return logger;
    }
}

package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.server.ServerStartEvent;
import dev.plinth.core.runtime.event.server.ServerStopEvent;
import dev.plinth.core.runtime.event.server.ServerTickEvent;
import dev.plinth.core.runtime.internal.command.CommandTable;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import dev.plinth.core.runtime.internal.tick.TickPhase;
import dev.plinth.core.runtime.permission.Permissions;
import dev.plinth.core.runtime.plugin.PlinthPlugin;
import dev.plinth.core.runtime.world.Dimension;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The simulated server: three flat worlds, their entities and the players, all in memory and all owned by the
 * game thread. Every game event it posts has the source {@code server} (this bundle is the resource of that name).
 *
 * <p>Every method that reads or changes game state checks that it runs on the game thread ({@link #checkThread}).
 */
@PlinthPlugin(name = "server", version = "0.1.0")
@Component(immediate = true, service = SimServer.class)
public final class SimServer implements TickPhase {

    /** What runs the game, as {@code Server.version()} reports it. */
    public static final String VERSION = "Plinth simulated server 0.1.0";

    private final EventBus bus;
    private final GameLoop loop;
    private final Permissions permissions;
    private final CommandTable commands;
    private final ServerConfig config;
    private final Logger logger;
    private final Map<Dimension, SimWorld> worlds = new EnumMap<>(Dimension.class);
    private final Map<String, SimPlayer> known = new HashMap<>();
    private final Map<String, SimPlayer> online = new LinkedHashMap<>();
    private final SimContent content;
    private long lastEntityId;

    /**
     * Creates the worlds; the server starts when the component activates.
     *
     * @param bus where game events go
     * @param loop the game thread
     * @param permissions who may do what
     * @param commands the commands players type
     * @param settings the game rules
     * @param logger where the server reports
     */
    @Activate
    public SimServer(@Reference EventBus bus, @Reference GameLoop loop, @Reference Permissions permissions,
            @Reference CommandTable commands, @Reference ServerSettings settings,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.bus = bus;
        this.loop = loop;
        this.permissions = permissions;
        this.commands = commands;
        this.config = settings.config();
        this.logger = logger;
        this.content = new SimContent(this, logger);
        for (Dimension dimension : Dimension.values()) {
            worlds.put(dimension, new SimWorld(this, dimension, FlatGenerator.of(dimension)));
        }
    }

    /** Joins the ticks and posts {@code server_start} at the first tick boundary. */
    @Activate
    public void start() {
        loop.addPhase(this);
        loop.execute(() -> post(new ServerStartEvent()));
    }

    /** Leaves the ticks, posts {@code server_stop} and kicks the players, on the game thread, and waits for it. */
    @Deactivate
    public void stop() {
        loop.removePhase(this);
        try {
            loop.call(() -> {
                post(new ServerStopEvent());
                List.copyOf(online.values()).forEach(player -> player.kick("The server is stopping."));
                return null;
            });
        } catch (RejectedExecutionException e) {
            logger.warn("the game thread stopped before the server: server_stop was not posted");
        }
    }

    @Override
    public int order() {
        return GAME;
    }

    @Override
    public void tick(long tick) {
        worlds.values().forEach(SimWorld::tick);
        List.copyOf(online.values()).forEach(player -> player.tick(tick));
        for (SimWorld world : worlds.values()) {
            world.tickEntities(tick);
        }
        if (bus.hasHandlers(ServerTickEvent.class)) {
            post(new ServerTickEvent(tick));
        }
    }

    /**
     * Dispatches a game event in a deterministic section of the game thread.
     *
     * @param event the event
     * @return the event after its handlers ran
     */
    public <E extends Event> E post(E event) {
        loop.enterDeterministic();
        try {
            return bus.post(event);
        } finally {
            loop.exitDeterministic();
        }
    }

    /**
     * Throws unless called on the game thread.
     *
     * @throws WrongThreadException elsewhere
     */
    public void checkThread() {
        if (!loop.isGameThread()) {
            throw new WrongThreadException("game state is read and changed on the game thread (plinth-tick), not on "
                    + Thread.currentThread().getName() + ": use GameThread.execute or the Scheduler");
        }
    }

    /** {@return the entity, item and block types resources registered} */
    public SimContent content() {
        return content;
    }

    /** Runs a call into an entity's behavior; a failure is logged with the entity, and the entity carries on. */
    void guard(SimEntity entity, String call, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            reportBehaviorFailure(entity, call, e);
        }
    }

    /** Logs that an entity's behavior failed. */
    void reportBehaviorFailure(SimEntity entity, String call, RuntimeException failure) {
        logger.error("{} ({}): its behavior failed in {}: {}", entity, entity.registration() == null ? "server"
                : entity.registration().owner(), call, failure.toString(), failure);
    }

    /** {@return the server's name} */
    public String name() {
        return config.name();
    }

    /** {@return the version of the game it simulates, server setting {@code game.version}} */
    public Version gameVersion() {
        return config.game().version();
    }

    /** {@return the number of the current tick} */
    public long tick() {
        return loop.currentTick();
    }

    /** {@return the world of a dimension} */
    public SimWorld world(Dimension dimension) {
        return worlds.get(dimension);
    }

    /** {@return the worlds: overworld, nether, the end} */
    public List<SimWorld> worlds() {
        return List.copyOf(worlds.values());
    }

    /** {@return the online players in the order they joined} */
    public List<SimPlayer> onlinePlayers() {
        checkThread();
        return List.copyOf(online.values());
    }

    /** {@return an online player by name, ignoring case} */
    public Optional<SimPlayer> player(String name) {
        checkThread();
        return Optional.ofNullable(online.get(key(name)));
    }

    /** {@return an online player by UUID} */
    public Optional<SimPlayer> player(UUID uuid) {
        checkThread();
        return online.values().stream().filter(p -> p.uuid().equals(uuid)).findFirst();
    }

    /** {@return a player who joined at least once, online or not} */
    public Optional<SimPlayer> knownPlayer(String name) {
        checkThread();
        return Optional.ofNullable(known.get(key(name)));
    }

    /** {@return an entity of any world by id} */
    public Optional<Entity> entity(long id) {
        checkThread();
        return worlds.values().stream().flatMap(w -> w.entity(id).stream()).findFirst();
    }

    /**
     * Sends a chat message to every online player.
     *
     * @param message the text
     */
    public void broadcast(String message) {
        onlinePlayers().forEach(player -> player.sendMessage(message));
    }

    /** {@return the player of this name, created at the spawn point the first time} */
    SimPlayer playerFor(String name) {
        return known.computeIfAbsent(key(name), k -> new SimPlayer(this, nextEntityId(), name,
                world(Dimension.OVERWORLD), world(Dimension.OVERWORLD).spawnPoint()));
    }

    void markOnline(SimPlayer player) {
        online.put(key(player.name()), player);
    }

    void markOffline(SimPlayer player) {
        online.remove(key(player.name()));
    }

    long nextEntityId() {
        return ++lastEntityId;
    }

    Permissions permissions() {
        return permissions;
    }

    CommandTable commands() {
        return commands;
    }

    ServerConfig config() {
        return config;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

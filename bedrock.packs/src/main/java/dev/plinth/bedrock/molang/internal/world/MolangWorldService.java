package dev.plinth.bedrock.molang.internal.world;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.world.MolangWorld;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntitySpawnEvent;
import dev.plinth.core.runtime.event.player.PlayerDeathEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.player.PlayerRespawnEvent;
import dev.plinth.core.runtime.event.server.ServerTickEvent;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link MolangWorld} service: the server's runtime, the world's entity queries merged with the registered
 * {@link MolangQueries} services, and the entities' contexts. It follows the entities through the game events:
 * spawns, joins and respawns start their life time; deaths, quits and removals (found every
 * {@value #PRUNE_TICKS} ticks) drop their variables.
 *
 * <p>The contexts and life times are game-thread state, touched only from event handlers and
 * {@link #context(Entity)}; the queries are swapped atomically when a registration comes or goes.
 */
@Component(service = MolangWorld.class)
public final class MolangWorldService implements MolangWorld {

    /** How often entities that went without an event (removed) are forgotten. */
    static final int PRUNE_TICKS = 200;

    private final Molang molang = Molang.builder().withOwner("server").build();
    private final GameThread gameThread;
    private final Server server;
    private final LifeTimes lifeTimes = new LifeTimes();
    private final Map<Long, MolangContext> contexts = new HashMap<>();
    private final MolangQueries world;
    /** The registered queries, merged in this order: lower ranking first, then older first, so the later wins. */
    private final Map<ServiceReference<MolangQueries>, MolangQueries> extensions = new ConcurrentSkipListMap<>(
            Comparator.comparingInt((ServiceReference<MolangQueries> r) -> ranking(r))
                    .thenComparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
    private final List<Subscription> subscriptions;
    private volatile MolangQueries queries;

    /**
     * Starts following the world.
     *
     * @param server the server, for its tick
     * @param gameThread the game thread, which owns the contexts
     * @param events the event bus, for spawns, deaths and ticks
     */
    @Activate
    public MolangWorldService(@Reference Server server, @Reference GameThread gameThread,
            @Reference EventBus events) {
        this.server = server;
        this.gameThread = gameThread;
        this.world = new EntityQueries(server::tick, lifeTimes, this::context).queries();
        this.queries = world;
        HandlerOptions monitor = HandlerOptions.at(EventPriority.MONITOR).withLocation("molang");
        subscriptions = List.of(
                events.subscribe(EntitySpawnEvent.class, monitor, e -> born(e.entity())),
                events.subscribe(PlayerJoinEvent.class, monitor, e -> born(e.player())),
                events.subscribe(PlayerRespawnEvent.class, monitor, e -> born(e.player())),
                events.subscribe(EntityDeathEvent.class, monitor, e -> gone(e.entity().id())),
                events.subscribe(PlayerDeathEvent.class, monitor, e -> gone(e.player().id())),
                events.subscribe(PlayerQuitEvent.class, monitor, e -> gone(e.player().id())),
                events.subscribe(ServerTickEvent.class, monitor, e -> {
                    if (e.tick() % PRUNE_TICKS == 0) {
                        prune();
                    }
                }));
    }

    /** Stops following the world. */
    @Deactivate
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    /**
     * Adds queries registered as a service; a higher-ranked registration's query replaces a lower one's.
     *
     * @param reference the registration
     * @param added its queries
     */
    @Reference(service = MolangQueries.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeQueries")
    void addQueries(ServiceReference<MolangQueries> reference, MolangQueries added) {
        extensions.put(reference, added);
        merge();
    }

    /**
     * Removes queries whose service went away.
     *
     * @param reference the registration
     * @param removed its queries
     */
    void removeQueries(ServiceReference<MolangQueries> reference, MolangQueries removed) {
        extensions.remove(reference);
        merge();
    }

    private static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private synchronized void merge() {
        var merged = world.toBuilder();
        extensions.values().forEach(merged::withAll);
        queries = merged.build();
    }

    @Override
    public Molang molang() {
        return molang;
    }

    @Override
    public MolangQueries queries() {
        return queries;
    }

    @Override
    public MolangContext context(Entity entity) {
        if (!gameThread.isGameThread()) {
            throw new WrongThreadException("an entity's Molang context is used on the game thread");
        }
        return contexts.computeIfAbsent(entity.id(), id -> molang.newContext(entity, molang.newVariables()));
    }

    private void born(Entity entity) {
        lifeTimes.born(entity.id(), server.tick());
        // A context made for this very entity before its spawn was posted (a pack entity's initialize) is its own;
        // any other under its id is a stale one.
        contexts.computeIfPresent(entity.id(), (id, context) -> context.target() == entity ? context : null);
    }

    private void gone(long entity) {
        lifeTimes.gone(entity);
        contexts.remove(entity);
    }

    private void prune() {
        contexts.values().removeIf(c -> !((Entity) c.target()).isValid());
        lifeTimes.known().removeIf(id -> server.entity(id).isEmpty());
    }
}

package dev.plinth.bedrock.molang.world;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.core.runtime.entity.Entity;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Molang bound to the game world, an OSGi service of the Molang bundle: one {@link Molang} runtime for the whole
 * server (so every pack and the shell see the same entity variables), the entity queries the world can answer, and
 * the context of each entity, whose {@code variable.*} live as long as the entity.
 *
 * <p>The queries are those the simulated world can answer ({@code query.health}, {@code max_health},
 * {@code is_alive}, {@code position}, {@code life_time}, {@code time_of_day}, {@code time_stamp},
 * {@code is_on_ground}, {@code is_in_water}, {@code is_in_lava}, {@code is_in_water_or_rain}, {@code is_invisible},
 * {@code get_name}, {@code is_name_any}, {@code get_nearby_entities}, {@code get_nearby_entities_except_self},
 * {@code heightmap}), then those
 * of every {@link MolangQueries} registered as an OSGi service (the whiteboard: a later service's query replaces an
 * earlier one of the same name; the behavior-pack host adds {@code variant}, {@code mark_variant},
 * {@code property} this way). A host may also extend them for its own scope with
 * {@code queries().toBuilder()}.
 *
 * <p>Thread rules: {@link #molang()} and {@link #queries()} may be used from any thread (compile off the game
 * thread); {@link #context(Entity)} must be called on the game thread, where entities live, and throws
 * {@link WrongThreadException} elsewhere.
 */
@ProviderType
public interface MolangWorld {

    /**
     * The server's Molang runtime.
     *
     * @return the runtime every host compiles with
     */
    Molang molang();

    /**
     * The queries expressions about entities are compiled against: the world's, then the registered ones.
     *
     * @return a snapshot of the registry
     */
    MolangQueries queries();

    /**
     * The context of an entity: its target is the entity, its variables are kept while the entity is valid (they
     * are dropped when it dies, leaves, respawns or is removed). Every host gets the same context for an entity, so
     * a host that sets per-call values ({@code this}, {@code context.*}, a seeded random source) makes its own
     * context over the same variables instead: {@code molang().newContext(entity, context(entity).variables())}.
     *
     * @param entity the entity
     * @return the same context for the same entity, until it goes
     * @throws WrongThreadException when not called on the game thread
     */
    MolangContext context(Entity entity);
}

package dev.plinth.core.runtime.internal.sim;

import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_ARGUMENT;
import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_STATE;
import static dev.plinth.core.runtime.simulation.SimulationException.NOT_FOUND;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.content.EntityType;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console does to entities: summon one, look at it, list them, kill one. Game thread only; failures throw
 * {@link SimulationException}.
 */
final class EntityActions {

    private final SimServer server;

    EntityActions(SimServer server) {
        this.server = server;
    }

    /** Summons an entity ({@code /summon}): a type a resource registered must be summonable. */
    String spawn(String type, Dimension dimension, Position position) {
        String id;
        try {
            id = Identifier.normalize(type);
        } catch (IllegalArgumentException e) {
            throw new SimulationException(INVALID_ARGUMENT, e.getMessage());
        }
        Optional<EntityType> registered = server.content().entityType(id);
        if (registered.isPresent() && !registered.get().summonable()) {
            throw new SimulationException(INVALID_STATE, id + " is not summonable (is_summonable is false)");
        }
        if (registered.isEmpty() && !id.startsWith(Identifier.DEFAULT_NAMESPACE + ":")) {
            throw new SimulationException(NOT_FOUND, "no entity type " + id + " is registered by a resource");
        }
        SimWorld world = server.world(dimension);
        Optional<Entity> entity;
        try {
            entity = world.spawnEntity(id, position, SpawnReason.COMMAND);
        } catch (IllegalArgumentException e) {
            throw new SimulationException(INVALID_ARGUMENT, e.getMessage());
        }
        return entity.map(e -> "spawned " + e + " at " + position + " in " + dimension.id())
                .orElse("the spawn of " + id + " was cancelled");
    }

    /** Describes an entity: type, health, position, then what its behavior says. */
    List<String> describe(long id) {
        SimEntity entity = entity(id);
        var lines = new ArrayList<String>();
        lines.add(entity + " at " + entity.position() + " in " + entity.simWorld().name() + ", health "
                + number(entity.health()) + "/" + number(entity.maxHealth())
                + (entity.registration() == null ? "" : ", defined by " + entity.registration().owner()));
        lines.addAll(entity.behavior().describe());
        return lines;
    }

    /** Lists the entities of a world, players aside. */
    List<String> list(Dimension dimension) {
        return server.world(dimension).entities().stream()
                .filter(e -> !(e instanceof SimPlayer))
                .map(e -> e + " at " + e.position())
                .toList();
    }

    /** Kills an entity: its death, its drops and experience; a player named as killer counts as its killer. */
    String kill(long id, Optional<String> killerName) {
        SimEntity entity = entity(id);
        if (entity instanceof SimPlayer) {
            throw new SimulationException(INVALID_STATE, entity + " is a player: use sim:damage");
        }
        Optional<Entity> killer = killerName.map(name -> server.player(name).<Entity>map(p -> p)
                .orElseThrow(() -> new SimulationException(NOT_FOUND, "no player '" + name + "' is online")));
        entity.damage(Float.MAX_VALUE, killer.isPresent() ? DamageCause.ENTITY_ATTACK : DamageCause.CUSTOM, killer);
        EntityDeathEvent event = entity.death().orElse(null);
        if (event == null) {
            return entity + " did not die (the damage was cancelled or it is immune)";
        }
        return entity + " died" + killer.map(k -> " (killed by " + ((SimPlayer) k).name() + ")").orElse("")
                + ": dropped " + (event.drops().isEmpty() ? "nothing" : event.drops().toString()) + ", " + event.xp()
                + " xp";
    }

    private SimEntity entity(long id) {
        return server.worlds().stream()
                .flatMap(w -> w.simEntity(id).stream())
                .findFirst()
                .orElseThrow(() -> new SimulationException(NOT_FOUND, "no entity " + id + " in any world"));
    }

    private static String number(float value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
    }
}

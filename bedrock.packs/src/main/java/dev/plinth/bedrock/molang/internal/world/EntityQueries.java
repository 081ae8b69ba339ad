package dev.plinth.bedrock.molang.internal.world;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The entity queries the simulated world answers, read from core.runtime's {@link Entity}, {@link Player} and
 * {@link World}. A context whose target is no entity answers 0 (or the empty string, or no entities).
 *
 * <p>Queries run on the game thread, where entities may be read.
 */
final class EntityQueries {

    private static final String INVISIBILITY = "minecraft:invisibility";
    /** What a query that reads a column of blocks costs: a block read counts as a loop iteration. */
    static final int COLUMN_COST = 384;
    /** What a query that walks a world's entities costs. */
    static final int ENTITIES_COST = 256;
    private static final double GROUND_PROBE = 0.05;

    private final LongSupplier ticks;
    private final LifeTimes lifeTimes;
    private final Function<Entity, MolangContext> contexts;

    /**
     * Binds the queries to the world.
     *
     * @param ticks the server's current tick
     * @param lifeTimes when entities appeared
     * @param contexts the context of an entity, for the queries that yield entities
     */
    EntityQueries(LongSupplier ticks, LifeTimes lifeTimes, Function<Entity, MolangContext> contexts) {
        this.ticks = ticks;
        this.lifeTimes = lifeTimes;
        this.contexts = contexts;
    }

    /**
     * The queries.
     *
     * @return the registry
     */
    MolangQueries queries() {
        return MolangQueries.builder()
                .withNumber("health", (c, a) -> entity(c) instanceof Entity e ? e.health() : 0)
                .withNumber("max_health", (c, a) -> entity(c) instanceof Entity e ? e.maxHealth() : 0)
                .withNumber("is_alive", (c, a) -> entity(c) instanceof Entity e && alive(e) ? 1 : 0)
                .withNumber("position", (c, a) -> entity(c) instanceof Entity e ? axis(e.position(), a) : 0)
                .withNumber("life_time", (c, a) -> entity(c) instanceof Entity e
                        ? lifeTimes.seconds(e.id(), ticks.getAsLong()) : 0)
                .withNumber("time_stamp", (c, a) -> ticks.getAsLong())
                .withNumber("time_of_day", (c, a) -> entity(c) instanceof Entity e ? timeOfDay(e.world()) : 0)
                .withNumber("is_on_ground", (c, a) -> entity(c) instanceof Entity e && onGround(e) ? 1 : 0)
                .withNumber("is_in_water", (c, a) -> entity(c) instanceof Entity e && inWater(e) ? 1 : 0)
                .withNumber("is_in_lava", (c, a) -> entity(c) instanceof Entity e && inLava(e) ? 1 : 0)
                .withNumber("is_in_water_or_rain", (c, a) -> entity(c) instanceof Entity e
                        && (inWater(e) || inRain(e)) ? 1 : 0)
                .withNumber("is_invisible", (c, a) -> entity(c) instanceof Player p
                        && p.effects().stream().anyMatch(effect -> effect.type().equals(INVISIBILITY)) ? 1 : 0)
                .withText("get_name", (c, a) -> entity(c) instanceof Player p ? p.name() : "")
                .withNumber("is_name_any", (c, a) -> entity(c) instanceof Player p && named(p, a) ? 1 : 0)
                .withValue("get_nearby_entities", (c, a) -> nearby(c, a, true))
                .withValue("get_nearby_entities_except_self", (c, a) -> nearby(c, a, false))
                .withNumber("heightmap", (c, a) -> entity(c) instanceof Entity e
                        ? height(e.world(), (int) Math.floor(a.number(0)), (int) Math.floor(a.number(1))) : 0)
                .withCost("heightmap", COLUMN_COST)
                .withCost("is_in_water_or_rain", COLUMN_COST)
                .withCost("get_nearby_entities", ENTITIES_COST)
                .withCost("get_nearby_entities_except_self", ENTITIES_COST)
                .build();
    }

    private static Object entity(MolangContext context) {
        return context.target();
    }

    private static boolean alive(Entity e) {
        return e.isValid() && e.health() > 0;
    }

    /** {@code query.position(axis)}: 0 for x, 1 for y, 2 for z. */
    private static double axis(Position position, MolangArguments arguments) {
        return switch ((int) arguments.number(0)) {
            case 0 -> position.x();
            case 1 -> position.y();
            case 2 -> position.z();
            default -> 0;
        };
    }

    /** Bedrock's time of day: 0 at midnight, 0.25 at sunrise, 0.5 at noon, 0.75 at sunset. */
    static double timeOfDay(World world) {
        return Math.floorMod(world.time() + 6000, 24000) / 24000.0;
    }

    private static boolean onGround(Entity e) {
        Position p = e.position();
        var below = new Position(p.x(), p.y() - GROUND_PROBE, p.z()).blockPos();
        String type = e.world().block(below).type();
        return !e.world().block(below).isAir() && !liquid(type);
    }

    private static boolean liquid(String type) {
        return type.endsWith("water") || type.endsWith("lava");
    }

    private static boolean inWater(Entity e) {
        return e.world().block(e.position().blockPos()).type().endsWith("water");
    }

    private static boolean inLava(Entity e) {
        return e.world().block(e.position().blockPos()).type().endsWith("lava");
    }

    /** Rain falls on the entity: it rains and no block is above it. */
    private static boolean inRain(Entity e) {
        World world = e.world();
        if (world.weather() == Weather.CLEAR) {
            return false;
        }
        BlockPos at = e.position().blockPos();
        for (int y = at.y() + 1; y < world.maxHeight(); y++) {
            if (!world.block(new BlockPos(at.x(), y, at.z())).isAir()) {
                return false;
            }
        }
        return true;
    }

    private static boolean named(Player player, MolangArguments names) {
        for (int i = 0; i < names.size(); i++) {
            if (player.name().equals(names.text(i))) {
                return true;
            }
        }
        return false;
    }

    /** The entities within a distance (blocks) of the target, by id; itself included or not. */
    private MolangValue nearby(MolangContext context, MolangArguments arguments, boolean self) {
        if (!(entity(context) instanceof Entity e)) {
            return new MolangValue.Array(List.of());
        }
        double distance = arguments.number(0);
        Position here = e.position();
        var found = new ArrayList<MolangValue>();
        for (Entity other : e.world().entities()) {
            if ((self || other.id() != e.id()) && other.position().distance(here) <= distance) {
                found.add(new MolangValue.Entity(contexts.apply(other)));
            }
        }
        return new MolangValue.Array(found);
    }

    /** The height of the first air above the highest block of a column; the world's bottom when it is empty. */
    private static double height(World world, int x, int z) {
        for (int y = world.maxHeight() - 1; y >= world.minHeight(); y--) {
            if (!world.block(new BlockPos(x, y, z)).isAir()) {
                return y + 1;
            }
        }
        return world.minHeight();
    }
}

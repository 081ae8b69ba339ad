package dev.plinth.bedrock.packs.internal.molang;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.packs.internal.entity.PackEntity;
import dev.plinth.core.runtime.content.ControlledEntity;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.World;
import java.util.Map;
import java.util.Optional;

/**
 * The queries behavior packs add to those of the world ({@code MolangWorld}: health, position, life time, time of
 * day...): a pack entity's own state ({@code q.variant}, {@code q.property}, flags), block states, world heights. The
 * behavior-pack host registers them as a {@code MolangQueries} service, so {@code molang:eval} answers them too, and
 * compiles every pack against the world's queries with these on top. The target of a context is what the expression
 * runs for: an {@link Entity} of the simulated world (a pack entity's own state is read through its
 * {@link ControlledEntity#behavior()}), a {@link BlockState} (block permutations), or a {@link WorldPoint} (features).
 * A query asked of the wrong kind of target reads 0.
 *
 * <p>Immutable; the queries run on the thread that evaluates (the game thread).
 */
public final class PackQueries {

    /** The flag components each flag query reads. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("is_baby", "minecraft:is_baby"), Map.entry("is_sheared", "minecraft:is_sheared"),
            Map.entry("is_tamed", "minecraft:is_tamed"), Map.entry("is_saddled", "minecraft:is_saddled"),
            Map.entry("is_charged", "minecraft:is_charged"), Map.entry("is_chested", "minecraft:is_chested"),
            Map.entry("is_stunned", "minecraft:is_stunned"), Map.entry("is_ignited", "minecraft:is_ignited"),
            Map.entry("is_illager_captain", "minecraft:is_illager_captain"));

    private static final long DAY = 24_000;
    /**
     * What a query that reads a column of blocks costs, as the world's own {@code q.heightmap} does: a block read
     * counts as a loop iteration, so no expression reads more columns than its iteration limit allows.
     */
    private static final int COLUMN_COST = 384;

    private PackQueries() {}

    /**
     * A position in a world, the target of a feature's Molang ({@code q.above_top_solid}, {@code q.heightmap}).
     *
     * @param world the world
     * @param x x
     * @param y y
     * @param z z
     */
    public record WorldPoint(World world, int x, int y, int z) {}

    /** {@return the queries: entity, block and world queries} */
    public static MolangQueries create() {
        var builder = MolangQueries.builder()
                .withNumber("variant", (c, a) -> pack(c).map(p -> p.intComponent("minecraft:variant")).orElse(0))
                .withNumber("mark_variant", (c, a) -> pack(c).map(p -> p.intComponent("minecraft:mark_variant"))
                        .orElse(0))
                .withNumber("skin_id", (c, a) -> pack(c).map(p -> p.intComponent("minecraft:skin_id")).orElse(0))
                .withNumber("scale", (c, a) -> pack(c).map(PackEntity::scale).orElse(1.0))
                .withNumber("is_moving", (c, a) -> pack(c).map(p -> p.isMoving() ? 1 : 0).orElse(0))
                .withNumber("ground_speed", (c, a) -> pack(c).map(PackEntity::speed).orElse(0.0))
                .withNumber("movement_speed", (c, a) -> pack(c).map(PackEntity::speed).orElse(0.0))
                .withValue("property", PackQueries::property)
                .withNumber("has_property", (c, a) -> pack(c).map(p -> p.property(a.text(0)).isPresent() ? 1 : 0)
                        .orElse(0))
                .withNumber("has_component", (c, a) -> pack(c).map(p -> p.hasComponent(a.text(0)) ? 1 : 0).orElse(0))
                .withText("get_equipped_item_name", (c, a) -> pack(c).map(p -> p.equippedItemName(
                        a.size() > 0 && a.value(0) instanceof MolangValue.Text t ? t.value() : "main_hand"))
                        .orElse(""))
                .withNumber("day", (c, a) -> world(c).map(w -> (double) (w.time() / DAY)).orElse(0.0))
                .withNumber("moon_phase", (c, a) -> world(c).map(w -> (double) Math.floorMod(w.time() / DAY, 8))
                        .orElse(0.0))
                .withValue("block_state", PackQueries::blockState)
                .withValue("block_property", PackQueries::blockState)
                .withNumber("above_top_solid", (c, a) -> topSolid(c, a) + 1)
                .withCost("above_top_solid", COLUMN_COST)
                .withNumber("heightmap", (c, a) -> topSolid(c, a) + 1)
                .withCost("heightmap", COLUMN_COST);
        FLAGS.forEach((query, component) -> builder.withNumber(query,
                (c, a) -> pack(c).map(p -> p.hasComponent(component) ? 1 : 0).orElse(0)));
        return builder.build();
    }

    private static Optional<PackEntity> pack(MolangContext context) {
        return context.target() instanceof ControlledEntity entity && entity.behavior() instanceof PackEntity pack
                ? Optional.of(pack) : Optional.empty();
    }

    private static Optional<World> world(MolangContext context) {
        return switch (context.target()) {
            case Entity entity -> Optional.of(entity.world());
            case WorldPoint point -> Optional.of(point.world());
            default -> Optional.empty();
        };
    }

    private static MolangValue property(MolangContext context, MolangArguments arguments) {
        return pack(context).flatMap(p -> p.property(arguments.text(0))).map(PackQueries::value).orElse(null);
    }

    private static MolangValue blockState(MolangContext context, MolangArguments arguments) {
        if (!(context.target() instanceof BlockState block)) {
            return null;
        }
        String value = block.properties().get(arguments.text(0));
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> new MolangValue.Number(1);
            case "false" -> new MolangValue.Number(0);
            default -> value.matches("-?\\d+(\\.\\d+)?") ? new MolangValue.Number(Double.parseDouble(value))
                    : new MolangValue.Text(value);
        };
    }

    /** The highest block that is not air in a column of the world of the target (a world point or an entity). */
    private static double topSolid(MolangContext context, MolangArguments arguments) {
        Optional<World> world = world(context);
        if (world.isEmpty()) {
            return 0;
        }
        return topSolid(world.get(), (int) Math.floor(arguments.number(0)), (int) Math.floor(arguments.number(1)));
    }

    /**
     * The highest block that is not air in a column.
     *
     * @param world the world
     * @param x the column's x
     * @param z the column's z
     * @return its height, or one below the world's bottom when the column is empty
     */
    public static int topSolid(World world, int x, int z) {
        for (int y = world.maxHeight() - 1; y >= world.minHeight(); y--) {
            if (!world.block(new BlockPos(x, y, z)).isAir()) {
                return y;
            }
        }
        return world.minHeight() - 1;
    }

    /** {@return a property value as Molang reads it: a number, 1/0, or an enum's name as text} */
    public static MolangValue value(Object property) {
        return switch (property) {
            case Double d -> new MolangValue.Number(d);
            case Boolean b -> new MolangValue.Number(b ? 1 : 0);
            default -> new MolangValue.Text(property.toString());
        };
    }
}

package dev.plinth.bedrock.packs.internal.feature;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.BlockSpec;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.Coordinate;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.Group;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.Ore;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.OreRule;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.Scatter;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.SingleBlock;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.SnapToSurface;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.StructureTemplate;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition.Weighted;
import dev.plinth.bedrock.packs.internal.molang.PackQueries;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.content.BlockType;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Places a pack's features into a world, as world generation would place them at a position:
 * {@code single_block_feature} (a block, or one of several by weight, where {@code may_replace} allows),
 * {@code ore_feature} (a vein of {@code count} blocks, each replaced by the first rule that may replace it),
 * {@code scatter_feature} (another feature {@code iterations} times at offsets: Molang or a distribution),
 * {@code aggregate_feature} (several at the same position, with {@code early_out}), {@code sequence_feature} (one
 * after the other, each from where the last ended), {@code weighted_random_feature}, {@code snap_to_surface_feature},
 * and {@code structure_template_feature}, whose structure file Plinth does not load: a
 * {@code minecraft:structure_block} marks its place, with a warning. Other kinds are kept as data and fail with a
 * note. Blocks are set through {@link World#setBlock} ({@code block_update}, which a handler may cancel); a pack
 * block gets its default states.
 *
 * <p>Limits, whatever a pack says: features nested {@value #MAX_DEPTH} deep, {@value #MAX_ITERATIONS} iterations a
 * scatter, {@value #MAX_BLOCKS} blocks one placement. Game thread only.
 */
public final class FeaturePlacer {

    static final int MAX_DEPTH = 16;
    static final int MAX_ITERATIONS = 256;
    static final int MAX_BLOCKS = 4096;
    /** What marks a structure template's place. */
    static final BlockState PLACEHOLDER = BlockState.of("minecraft:structure_block");

    private final PackWorld world;
    private final Function<String, Optional<BlockType>> blockTypes;

    /**
     * Creates the placer.
     *
     * @param world the shared world services: the started packs' definitions, the random source, Molang
     * @param blockTypes the block types resources registered, by id (pack blocks get their states from them)
     */
    public FeaturePlacer(PackWorld world, Function<String, Optional<BlockType>> blockTypes) {
        this.world = world;
        this.blockTypes = blockTypes;
    }

    /** One placement: the world, the pack asking, what was done. */
    private record Run(World world, String pack, FeaturePlacement placement) {}

    /**
     * Places a feature.
     *
     * @param pack the pack whose features come first (the feature's own)
     * @param feature the feature
     * @param target the world
     * @param at the input position
     * @return what was placed, and whether the feature succeeded (Bedrock's rule for its kind)
     */
    public Result place(String pack, FeatureDefinition feature, World target, BlockPos at) {
        var placement = new FeaturePlacement();
        Optional<BlockPos> end = place(new Run(target, pack, placement), feature, at, 0);
        return new Result(end.isPresent(), end, placement);
    }

    /**
     * What a placement did.
     *
     * @param success whether the feature succeeded
     * @param end where it ended (the input of the next feature of a sequence)
     * @param placement the blocks set and the notes
     */
    public record Result(boolean success, Optional<BlockPos> end, FeaturePlacement placement) {}

    private Optional<BlockPos> place(Run run, String id, BlockPos at, int depth) {
        Optional<FeatureDefinition> feature = world.definitions().find(run.pack(), DefinitionKind.FEATURE, id,
                FeatureDefinition.class);
        if (feature.isEmpty()) {
            run.placement().note("no feature " + id + " in a started pack");
            return Optional.empty();
        }
        return place(run, feature.get(), at, depth);
    }

    private Optional<BlockPos> place(Run run, FeatureDefinition feature, BlockPos at, int depth) {
        if (depth > MAX_DEPTH) {
            run.placement().note(feature.id() + ": features nested deeper than " + MAX_DEPTH + " are not placed");
            return Optional.empty();
        }
        if (run.placement().blocks().size() >= MAX_BLOCKS) {
            run.placement().note("stopped at " + MAX_BLOCKS + " blocks, the most one placement sets");
            return Optional.empty();
        }
        if (feature.placement().isEmpty()) {
            run.placement().note(feature.id() + " is a " + feature.type() + ", which Plinth keeps as data and does "
                    + "not place");
            return Optional.empty();
        }
        return switch (feature.placement().get()) {
            case SingleBlock single -> single(run, single, at);
            case Ore ore -> ore(run, ore, at);
            case Scatter scatter -> scatter(run, scatter, at, depth);
            case Group group -> group(run, group, at, depth);
            case Weighted weighted -> weighted(run, weighted, at, depth);
            case SnapToSurface snap -> snap(run, snap, at, depth);
            case StructureTemplate structure -> structure(run, feature, structure, at);
        };
    }

    private Optional<BlockPos> single(Run run, SingleBlock single, BlockPos at) {
        if (single.blocks().isEmpty()) {
            return Optional.empty();
        }
        BlockSpec chosen = single.blocks().getLast().getKey();
        double total = single.blocks().stream().mapToDouble(Map.Entry::getValue).sum();
        double roll = world.random().nextDouble() * total;
        for (Map.Entry<BlockSpec, Double> entry : single.blocks()) {
            roll -= entry.getValue();
            if (roll < 0) {
                chosen = entry.getKey();
                break;
            }
        }
        if (!inHeight(run.world(), at) || !mayReplace(single.mayReplace(), run.world().block(at))) {
            return Optional.empty();
        }
        return set(run, at, chosen) ? Optional.of(at) : Optional.empty();
    }

    private Optional<BlockPos> ore(Run run, Ore ore, BlockPos at) {
        RandomGenerator random = world.random();
        int count = Math.clamp(ore.count(), 0, MAX_BLOCKS);
        int radius = Math.max(1, (int) Math.ceil(Math.cbrt(count)));
        var vein = new LinkedHashSet<BlockPos>();
        vein.add(at);
        var members = new ArrayList<BlockPos>(List.of(at));
        for (int tries = 0; vein.size() < count && tries < count * 16; tries++) {
            BlockPos from = members.get(random.nextInt(members.size()));
            BlockPos next = switch (random.nextInt(6)) {
                case 0 -> from.offset(1, 0, 0);
                case 1 -> from.offset(-1, 0, 0);
                case 2 -> from.offset(0, 1, 0);
                case 3 -> from.offset(0, -1, 0);
                case 4 -> from.offset(0, 0, 1);
                default -> from.offset(0, 0, -1);
            };
            if (Math.abs(next.x() - at.x()) <= radius && Math.abs(next.y() - at.y()) <= radius
                    && Math.abs(next.z() - at.z()) <= radius && vein.add(next)) {
                members.add(next);
            }
        }
        boolean any = false;
        for (BlockPos pos : vein) {
            if (!inHeight(run.world(), pos)) {
                continue;
            }
            BlockState existing = run.world().block(pos);
            for (OreRule rule : ore.rules()) {
                if (mayReplace(rule.mayReplace(), existing)) {
                    any |= set(run, pos, rule.places());
                    break;
                }
            }
        }
        if (!any) {
            run.placement().note("the ore vein at " + at + " found nothing its replace_rules may replace");
        }
        return any ? Optional.of(at) : Optional.empty();
    }

    private Optional<BlockPos> scatter(Run run, Scatter scatter, BlockPos at, int depth) {
        var variables = world.molang().newVariables();
        variables.set("originx", at.x());
        variables.set("originy", at.y());
        variables.set("originz", at.z());
        MolangContext context = world.molang().newContext(new PackQueries.WorldPoint(run.world(), at.x(), at.y(),
                at.z()), variables);
        context.setRandom(world.random());
        double chance = scatter.chance().evaluate(context);
        if (world.random().nextDouble() * 100 >= chance) {
            run.placement().note(scatter.feature() + ": scatter_chance (" + format(chance) + "%) failed at " + at);
            return Optional.empty();
        }
        double wanted = scatter.iterations().evaluate(context);
        int iterations = (int) Math.clamp(Math.round(wanted), 0, MAX_ITERATIONS);
        if (wanted > MAX_ITERATIONS) {
            run.placement().note(scatter.feature() + ": " + format(wanted) + " iterations cut to " + MAX_ITERATIONS);
        }
        boolean any = false;
        for (int i = 0; i < iterations; i++) {
            int[] point = {at.x(), at.y(), at.z()};
            variables.set("worldx", at.x());
            variables.set("worldy", at.y());
            variables.set("worldz", at.z());
            int cells = 1;
            for (char axis : scatter.order().toCharArray()) {
                Coordinate coordinate = switch (axis) {
                    case 'x' -> scatter.x();
                    case 'y' -> scatter.y();
                    default -> scatter.z();
                };
                int index = "xyz".indexOf(axis);
                point[index] += offset(coordinate, context, i, cells);
                cells *= cells(coordinate, context);
                variables.set("world" + axis, point[index]);
            }
            if (scatter.projectToFloor()) {
                point[1] = PackQueries.topSolid(run.world(), point[0], point[2]) + 1;
            }
            any |= place(run, scatter.feature(), new BlockPos(point[0], point[1], point[2]), depth + 1).isPresent();
        }
        return any ? Optional.of(at) : Optional.empty();
    }

    /** A coordinate's offset in one iteration of a scatter. */
    private int offset(Coordinate coordinate, MolangContext context, int iteration, int before) {
        if (coordinate.expression().isPresent()) {
            return (int) Math.floor(coordinate.expression().get().evaluate(context));
        }
        double low = coordinate.low().map(e -> e.evaluate(context)).orElse(0.0);
        double high = coordinate.high().map(e -> e.evaluate(context)).orElse(0.0);
        if (high < low) {
            double swap = low;
            low = high;
            high = swap;
        }
        RandomGenerator random = world.random();
        double unit = switch (coordinate.distribution()) {
            case "gaussian" -> (random.nextDouble() + random.nextDouble() + random.nextDouble()
                    + random.nextDouble()) / 4;
            case "inverse_gaussian" -> {
                double g = (random.nextDouble() + random.nextDouble() + random.nextDouble()
                        + random.nextDouble()) / 4;
                yield g < 0.5 ? g + 0.5 : g - 0.5;
            }
            case "triangle" -> (random.nextDouble() + random.nextDouble()) / 2;
            case "fixed_grid", "jittered_grid" -> -1;
            default -> random.nextDouble();
        };
        if (unit >= 0) {
            return (int) Math.floor(low + unit * (high - low + 1));
        }
        int step = coordinate.stepSize();
        int count = cells(coordinate, context);
        int cell = Math.floorMod(iteration / before + coordinate.gridOffset(), count);
        int jitter = coordinate.distribution().equals("jittered_grid") ? random.nextInt(step) : 0;
        return (int) Math.floor(low) + cell * step + jitter;
    }

    /** How many cells a grid coordinate has over its extent (1 for the others). */
    private static int cells(Coordinate coordinate, MolangContext context) {
        if (!coordinate.distribution().endsWith("grid")) {
            return 1;
        }
        double low = coordinate.low().map(e -> e.evaluate(context)).orElse(0.0);
        double high = coordinate.high().map(e -> e.evaluate(context)).orElse(0.0);
        return (int) Math.clamp((long) Math.floor(Math.abs(high - low) / coordinate.stepSize()) + 1, 1,
                MAX_ITERATIONS);
    }

    private Optional<BlockPos> group(Run run, Group group, BlockPos at, int depth) {
        BlockPos position = at;
        boolean any = false;
        boolean all = true;
        for (String feature : group.features()) {
            Optional<BlockPos> end = place(run, feature, position, depth + 1);
            any |= end.isPresent();
            all &= end.isPresent();
            if (group.sequence()) {
                if (end.isEmpty()) {
                    return Optional.empty();
                }
                position = end.get();
            } else if (end.isEmpty() && group.earlyOut().equals("first_failure")) {
                return Optional.empty();
            } else if (end.isPresent() && group.earlyOut().equals("first_success")) {
                return Optional.of(at);
            }
        }
        if (group.sequence()) {
            return Optional.of(position);
        }
        return (group.earlyOut().equals("first_failure") ? all : any) ? Optional.of(at) : Optional.empty();
    }

    private Optional<BlockPos> weighted(Run run, Weighted weighted, BlockPos at, int depth) {
        double total = weighted.features().stream().mapToDouble(Map.Entry::getValue).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        double roll = world.random().nextDouble() * total;
        for (Map.Entry<String, Double> entry : weighted.features()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return place(run, entry.getKey(), at, depth + 1);
            }
        }
        return place(run, weighted.features().getLast().getKey(), at, depth + 1);
    }

    /** Moves the input to the surface within the search range (down to a floor, or up to a ceiling), then places. */
    private Optional<BlockPos> snap(Run run, SnapToSurface snap, BlockPos at, int depth) {
        World target = run.world();
        for (int distance = 0; distance <= snap.range(); distance++) {
            for (int sign : new int[] {-1, 1}) {
                BlockPos pos = at.offset(0, sign * distance, 0);
                BlockPos beyond = pos.offset(0, snap.ceiling() ? 1 : -1, 0);
                if (inHeight(target, pos) && inHeight(target, beyond) && target.block(pos).isAir()
                        && !target.block(beyond).isAir()) {
                    return place(run, snap.feature(), pos, depth + 1);
                }
            }
        }
        run.placement().note(snap.feature() + ": no " + (snap.ceiling() ? "ceiling" : "floor") + " within "
                + snap.range() + " blocks of " + at);
        return Optional.empty();
    }

    private Optional<BlockPos> structure(Run run, FeatureDefinition feature, StructureTemplate structure,
            BlockPos at) {
        run.placement().note("warning: " + feature.id() + " places the structure '" + structure.structure()
                + "', whose .mcstructure file Plinth does not load: " + PLACEHOLDER + " marks its place at " + at);
        if (!inHeight(run.world(), at) || !run.world().setBlock(at, PLACEHOLDER)) {
            return Optional.empty();
        }
        run.placement().placed(at, PLACEHOLDER);
        return Optional.of(at);
    }

    /** Sets a block named by a feature; a pack block gets its default states. */
    private boolean set(Run run, BlockPos pos, BlockSpec spec) {
        if (run.placement().blocks().size() >= MAX_BLOCKS) {
            run.placement().note("stopped at " + MAX_BLOCKS + " blocks, the most one placement sets");
            return false;
        }
        BlockState block;
        try {
            block = new BlockState(Identifier.normalize(spec.name()), spec.states());
            Optional<BlockType> type = blockTypes.apply(block.type());
            if (type.isPresent()) {
                block = type.get().normalize(block);
            } else if (!block.type().startsWith(Identifier.DEFAULT_NAMESPACE + ":")) {
                run.placement().note("the block " + block.type() + " is in no started pack: not placed");
                return false;
            }
        } catch (IllegalArgumentException e) {
            run.placement().note("the block " + spec.name() + " is not placed: " + e.getMessage());
            return false;
        }
        if (!run.world().setBlock(pos, block)) {
            return false;
        }
        run.placement().placed(pos, block);
        return true;
    }

    /** Whether a block may be replaced: any block when the list is empty, else one of the list (with its states). */
    static boolean mayReplace(List<BlockSpec> allowed, BlockState existing) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (BlockSpec spec : allowed) {
            String name = spec.name().indexOf(':') < 0 ? Identifier.DEFAULT_NAMESPACE + ":" + spec.name()
                    : spec.name();
            if (name.equals(existing.type()) && spec.states().entrySet().stream()
                    .allMatch(s -> s.getValue().equals(existing.properties().get(s.getKey())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inHeight(World target, BlockPos pos) {
        return pos.y() >= target.minHeight() && pos.y() < target.maxHeight();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

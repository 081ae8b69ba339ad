package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code minecraft:*_feature}: something world generation places. The kinds {@code sim:feature} places are read
 * into {@link Placement}s; the others are kept as data. Immutable.
 *
 * @param id the identifier
 * @param source where it was read
 * @param json the file's JSON
 * @param type the feature kind without {@code minecraft:} ({@code ore_feature})
 * @param placement how it is placed, when it is a kind that is simulated
 */
public record FeatureDefinition(String id, Source source, JsonNode json, String type, Optional<Placement> placement)
        implements Definition {

    /** The feature kinds {@code sim:feature} places. */
    public static final Set<String> SIMULATED = Set.of("single_block_feature", "ore_feature", "scatter_feature",
            "aggregate_feature", "sequence_feature", "structure_template_feature", "weighted_random_feature",
            "snap_to_surface_feature");

    /**
     * A block as features name it: {@code "minecraft:stone"} or {@code {"name": ..., "states": {...}}}.
     *
     * @param name the block id
     * @param states its states
     */
    public record BlockSpec(String name, Map<String, String> states) {
        static BlockSpec read(Json value) {
            if (value.isText()) {
                return new BlockSpec(value.text(), Map.of());
            }
            var states = new java.util.TreeMap<String, String>();
            value.get("states").fields().forEach((k, v) -> states.put(k, v.node().asText()));
            return new BlockSpec(value.get("name").text(), states);
        }
    }

    /** How a simulated feature kind places itself. */
    public sealed interface Placement {}

    /**
     * {@code single_block_feature}.
     *
     * @param blocks the block it places, or several to pick from by weight
     * @param mayReplace the blocks it may replace, any when empty
     */
    public record SingleBlock(List<Map.Entry<BlockSpec, Double>> blocks, List<BlockSpec> mayReplace)
            implements Placement {}

    /**
     * {@code ore_feature}.
     *
     * @param count how many blocks
     * @param rules which block replaces which
     */
    public record Ore(int count, List<OreRule> rules) implements Placement {}

    /**
     * One replace rule of an ore feature.
     *
     * @param places the ore block
     * @param mayReplace what it replaces, any block when empty
     */
    public record OreRule(BlockSpec places, List<BlockSpec> mayReplace) {}

    /**
     * {@code scatter_feature}: another feature, placed {@code iterations} times at offsets from the input position,
     * all of them or none ({@code scatter_chance} is rolled once). Read from the feature's root or, from format
     * 1.21.20, its {@code distribution} object.
     *
     * @param feature the feature it places
     * @param iterations how many times (Molang)
     * @param chance the chance in percent (Molang)
     * @param x the offset along x
     * @param y the offset along y
     * @param z the offset along z
     * @param order the order the coordinates are computed in ({@code xzy} by default)
     * @param projectToFloor whether each position's y snaps to the top of the terrain
     */
    public record Scatter(String feature, MolangExpression iterations, MolangExpression chance, Coordinate x,
            Coordinate y, Coordinate z, String order, boolean projectToFloor) implements Placement {}

    /**
     * A coordinate offset of a scatter feature: Molang ({@code v.worldx}, {@code v.originx} and the others are set),
     * or a distribution over an extent: {@code uniform}, {@code gaussian}, {@code inverse_gaussian},
     * {@code triangle}, {@code fixed_grid}, {@code jittered_grid}.
     *
     * @param expression the Molang, when it is one
     * @param distribution the distribution, when it is one
     * @param low the extent's low end
     * @param high the extent's high end
     * @param stepSize a grid's step
     * @param gridOffset a grid's offset
     */
    public record Coordinate(Optional<MolangExpression> expression, String distribution,
            Optional<MolangExpression> low, Optional<MolangExpression> high, int stepSize, int gridOffset) {}

    /**
     * {@code aggregate_feature} (all, maybe stopping early) or {@code sequence_feature} (one after the other, each
     * from where the last ended).
     *
     * @param features the features
     * @param sequence whether it is a sequence
     * @param earlyOut {@code none}, {@code first_failure} or {@code first_success}
     */
    public record Group(List<String> features, boolean sequence, String earlyOut) implements Placement {}

    /**
     * {@code weighted_random_feature}: one of several.
     *
     * @param features feature id and weight
     */
    public record Weighted(List<Map.Entry<String, Double>> features) implements Placement {}

    /**
     * {@code snap_to_surface_feature}: another feature, moved down to the surface below.
     *
     * @param feature the feature
     * @param range how far to search, up and down
     * @param ceiling whether it snaps up to a ceiling rather than down to a floor
     */
    public record SnapToSurface(String feature, int range, boolean ceiling) implements Placement {}

    /**
     * {@code structure_template_feature}: a structure file, which Plinth does not load; placed as a placeholder.
     *
     * @param structure the structure's name
     */
    public record StructureTemplate(String structure) implements Placement {}

    /**
     * Reads one feature file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static FeatureDefinition read(Json root, Source source, Reading reading) {
        Map.Entry<String, Json> feature = root.fields().entrySet().stream()
                .filter(e -> e.getKey().startsWith("minecraft:") && e.getKey().endsWith("_feature"))
                .findFirst()
                .orElseThrow(() -> root.problem("a feature file holds a minecraft:*_feature object"));
        String type = feature.getKey().substring("minecraft:".length());
        Json body = feature.getValue();
        String id = body.get("description").get("identifier").text();
        Optional<Placement> placement = switch (type) {
            case "single_block_feature" -> Optional.of(new SingleBlock(body.get("places_block").elements().stream()
                    .map(b -> b.get("block").present() ? Map.entry(BlockSpec.read(b.get("block")),
                            b.get("weight").number(1)) : Map.entry(BlockSpec.read(b), 1.0)).toList(),
                    body.get("may_replace").elements().stream().map(BlockSpec::read).toList()));
            case "ore_feature" -> Optional.of(new Ore((int) body.get("count").number(), body.get("replace_rules")
                    .elements().stream().map(r -> new OreRule(BlockSpec.read(r.get("places_block")),
                            r.get("may_replace").elements().stream().map(BlockSpec::read).toList())).toList()));
            case "scatter_feature" -> Optional.of(scatter(body, reading));
            case "aggregate_feature", "sequence_feature" -> Optional.of(new Group(body.get("features").texts(),
                    type.equals("sequence_feature"), body.get("early_out").optionalText().orElse("none")));
            case "weighted_random_feature" -> Optional.of(new Weighted(body.get("features").elements().stream()
                    .map(pair -> Map.entry(pair.elements().get(0).text(), pair.elements().get(1).number())).toList()));
            case "snap_to_surface_feature" -> Optional.of(new SnapToSurface(body.get("feature_to_snap").text(),
                    (int) Math.clamp((long) body.get("vertical_search_range").number(16), 1, 512),
                    body.get("surface").optionalText().orElse("floor").equals("ceiling")));
            case "structure_template_feature" -> Optional.of(new StructureTemplate(body.get("structure_name").text()));
            default -> {
                reading.keep("feature type " + type);
                yield Optional.empty();
            }
        };
        return new FeatureDefinition(id, source, root.node(), type, placement);
    }

    private static Scatter scatter(Json body, Reading reading) {
        Json params = body.get("distribution").isObject() ? body.get("distribution") : body;
        Json chance = params.get("scatter_chance");
        MolangExpression chanceExpression;
        if (chance.isObject()) {
            double numerator = chance.get("numerator").number(1);
            double denominator = chance.get("denominator").number(1);
            chanceExpression = reading.molang().compile(Double.toString(100 * numerator / Math.max(1, denominator)));
        } else {
            chanceExpression = chance.present() ? reading.expression(chance) : reading.molang().compile("100");
        }
        String order = params.get("coordinate_eval_order").optionalText().orElse("xzy");
        if (!order.matches("[xyz]{3}") || order.chars().distinct().count() != 3) {
            throw params.get("coordinate_eval_order").problem("coordinate_eval_order orders x, y and z, as xzy does, "
                    + "not '" + order + "'");
        }
        return new Scatter(body.get("places_feature").text(), params.get("iterations").present()
                ? reading.expression(params.get("iterations")) : reading.molang().compile("1"), chanceExpression,
                coordinate(params.get("x"), reading), coordinate(params.get("y"), reading),
                coordinate(params.get("z"), reading), order, body.get("project_input_to_floor").bool(false));
    }

    private static Coordinate coordinate(Json value, Reading reading) {
        if (!value.present()) {
            return new Coordinate(Optional.of(reading.molang().compile("0")), "", Optional.empty(),
                    Optional.empty(), 1, 0);
        }
        if (!value.isObject()) {
            return new Coordinate(Optional.of(reading.expression(value)), "", Optional.empty(), Optional.empty(), 1,
                    0);
        }
        List<Json> extent = value.get("extent").elements();
        if (extent.size() != 2) {
            throw value.get("extent").problem("an extent is [low, high]");
        }
        String distribution = value.get("distribution").optionalText().orElse("uniform");
        if (!DISTRIBUTIONS.contains(distribution)) {
            throw value.get("distribution").problem("unknown distribution '" + distribution + "': use "
                    + String.join(", ", DISTRIBUTIONS));
        }
        return new Coordinate(Optional.empty(), distribution, Optional.of(reading.expression(extent.get(0))),
                Optional.of(reading.expression(extent.get(1))),
                (int) Math.clamp((long) value.get("step_size").number(1), 1, 1024),
                (int) value.get("grid_offset").number(0));
    }

    /** The distributions a scatter coordinate may use. */
    public static final List<String> DISTRIBUTIONS = List.of("uniform", "gaussian", "inverse_gaussian", "triangle",
            "fixed_grid", "jittered_grid");

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.FEATURE;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("feature " + id + " (" + type + ", " + source + ")");
        lines.add(placement.map(p -> "placed by sim:feature: " + p).orElse(
                "not placed by sim:feature (" + type + " is kept as data)"));
        return lines;
    }
}

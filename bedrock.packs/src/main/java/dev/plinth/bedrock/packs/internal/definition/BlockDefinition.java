package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code minecraft:block} of a behavior pack: its states (from {@code description.states}, the older
 * {@code description.properties}, and the states its traits add), its components and its permutations. Immutable.
 *
 * @param id the identifier
 * @param source where it was read
 * @param json the file's JSON
 * @param states state name to its values as text, the first the default
 * @param components the components it always has
 * @param permutations components that apply while a Molang condition on the states holds
 */
public record BlockDefinition(String id, Source source, JsonNode json, Map<String, List<String>> states,
        Map<String, JsonNode> components, List<Permutation> permutations) implements Definition {

    /** Copies the collections. */
    public BlockDefinition {
        states = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(states));
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        permutations = List.copyOf(permutations);
    }

    /**
     * One permutation.
     *
     * @param condition when it applies (reads {@code q.block_state})
     * @param components what it sets
     */
    public record Permutation(MolangExpression condition, Map<String, JsonNode> components) {}

    private static final Map<String, List<String>> TRAIT_STATES = Map.of(
            "minecraft:cardinal_direction", List.of("south", "west", "north", "east"),
            "minecraft:facing_direction", List.of("down", "up", "north", "south", "west", "east"),
            "minecraft:block_face", List.of("down", "up", "north", "south", "west", "east"),
            "minecraft:vertical_half", List.of("bottom", "top"),
            "minecraft:corner_and_cardinal_direction", List.of("none", "inner_left", "inner_right", "outer_left",
                    "outer_right"),
            "minecraft:connection_north", List.of("false", "true"),
            "minecraft:connection_south", List.of("false", "true"),
            "minecraft:connection_east", List.of("false", "true"),
            "minecraft:connection_west", List.of("false", "true"));

    /**
     * Reads one block file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static BlockDefinition read(Json root, Source source, Reading reading) {
        Json block = root.get("minecraft:block");
        if (!block.isObject()) {
            throw root.problem("a block file holds a minecraft:block object");
        }
        Json description = block.get("description");
        String id = reading.identifier(description.get("identifier"), "block");
        var states = new LinkedHashMap<String, List<String>>();
        description.get("properties").fields().forEach((name, values) -> states.put(name, values(values)));
        description.get("states").fields().forEach((name, values) -> states.put(name, values(values)));
        description.get("traits").fields().forEach((trait, value) -> {
            for (String state : value.get("enabled_states").texts()) {
                List<String> values = TRAIT_STATES.get(state);
                if (state.equals("minecraft:multi_block_part")) {
                    int parts = (int) value.get("parts").number(2);
                    values = java.util.stream.IntStream.range(0, Math.clamp(parts, 1, 16))
                            .mapToObj(Integer::toString).toList();
                }
                if (values == null) {
                    reading.keep("block trait state " + state);
                } else {
                    states.put(state, values);
                }
            }
        });
        var components = new LinkedHashMap<String, JsonNode>();
        block.get("components").fields().forEach((name, value) -> {
            components.put(name, value.node());
            note(name, reading);
        });
        var permutations = new ArrayList<Permutation>();
        for (Json permutation : block.get("permutations").elements()) {
            MolangExpression condition = reading.expression(permutation.get("condition"));
            var set = new LinkedHashMap<String, JsonNode>();
            permutation.get("components").fields().forEach((name, value) -> {
                set.put(name, value.node());
                note(name, reading);
            });
            permutations.add(new Permutation(condition, set));
        }
        return new BlockDefinition(id, source, root.node(), states, components, permutations);
    }

    private static void note(String component, Reading reading) {
        if (!component.equals("minecraft:loot") && !component.equals("minecraft:destructible_by_mining")
                && !component.equals("minecraft:destroy_time")) {
            reading.keep("block component " + component);
        }
    }

    private static List<String> values(Json values) {
        if (values.isObject() && values.get("values").isObject()) {
            int min = (int) values.get("values").get("min").number();
            int max = (int) values.get("values").get("max").number();
            if (max < min || max - min > 16) {
                throw values.problem("a state's range holds 1 to 16 values, not " + min + ".." + max);
            }
            var list = new ArrayList<String>();
            for (int i = min; i <= max; i++) {
                list.add(Integer.toString(i));
            }
            return list;
        }
        List<String> list = values.elements().stream().map(v -> v.isNumber() ? Long.toString((long) v.number())
                : v.node().isBoolean() ? Boolean.toString(v.node().booleanValue()) : v.text()).toList();
        if (list.isEmpty()) {
            throw values.problem("a state lists its values");
        }
        return list;
    }

    /**
     * What the block's components are in a state: its own, then each permutation whose condition holds.
     *
     * @param applies whether a permutation's condition holds in the state
     * @return component name to value
     */
    public Map<String, JsonNode> componentsWhere(java.util.function.Predicate<Permutation> applies) {
        var effective = new LinkedHashMap<>(components);
        for (Permutation permutation : permutations) {
            if (applies.test(permutation)) {
                effective.putAll(permutation.components());
            }
        }
        return effective;
    }

    /** {@return the loot table its {@code minecraft:loot} names in a set of components} */
    public static Optional<String> loot(Map<String, JsonNode> components) {
        JsonNode loot = components.get("minecraft:loot");
        if (loot == null) {
            return Optional.empty();
        }
        return Optional.of(loot.isObject() ? loot.path("table").asText() : loot.asText());
    }

    /** {@return whether a player can mine a block with these components} */
    public static boolean breakable(Map<String, JsonNode> components) {
        JsonNode mining = components.get("minecraft:destructible_by_mining");
        if (mining != null) {
            return mining.isBoolean() ? mining.booleanValue()
                    : !mining.isObject() || mining.path("seconds_to_destroy").asDouble(0) >= 0;
        }
        JsonNode destroyTime = components.get("minecraft:destroy_time");
        return destroyTime == null || (destroyTime.isNumber() ? destroyTime.doubleValue()
                : destroyTime.path("value").asDouble(0)) >= 0;
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.BLOCK;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("block " + id + " (" + source + ", format " + source.formatVersion() + ")");
        states.forEach((name, values) -> lines.add("state " + name + ": " + values));
        lines.add("components: " + String.join(", ", components.keySet()));
        lines.add(permutations.size() + " permutation(s); breakable " + breakable(components)
                + loot(components).map(l -> ", loot " + l).orElse(""));
        return lines;
    }
}

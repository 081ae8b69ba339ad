package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.filter.Filter;
import dev.plinth.bedrock.packs.internal.filter.FilterReader;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code minecraft:spawn_rules}: when and where the world spawns an entity by itself. Immutable.
 *
 * @param id the entity it spawns
 * @param source where it was read
 * @param json the file's JSON
 * @param populationControl its population pool ({@code animal}, {@code monster}...)
 * @param conditions its conditions, any of which may spawn it
 */
public record SpawnRuleDefinition(String id, Source source, JsonNode json, String populationControl,
        List<Condition> conditions) implements Definition {

    /** The condition components the spawner evaluates; others are kept. */
    public static final Set<String> SIMULATED = Set.of("minecraft:spawns_on_surface", "minecraft:spawns_underground",
            "minecraft:spawns_underwater", "minecraft:spawns_lava", "minecraft:brightness_filter",
            "minecraft:density_limit", "minecraft:herd", "minecraft:biome_filter", "minecraft:difficulty_filter",
            "minecraft:weight", "minecraft:spawns_on_block_filter", "minecraft:height_filter",
            "minecraft:spawns_on_block_prevented_filter");

    /** The largest herd spawned at once, whatever a rule says. */
    public static final int MAX_HERD = 16;

    /** Copies the conditions. */
    public SpawnRuleDefinition {
        conditions = List.copyOf(conditions);
    }

    /**
     * One condition.
     *
     * @param place where it spawns: on the surface, underground (an air space with a solid block above and below),
     *     under water or in lava
     * @param minBrightness the least light
     * @param maxBrightness the most light
     * @param adjustForWeather whether rain and thunder darken the light it sees
     * @param surfaceLimit how many may be on the surface, -1 for no limit
     * @param undergroundLimit how many underground, -1 for no limit
     * @param herdMin the smallest group
     * @param herdMax the largest group
     * @param biomes the biome filter
     * @param minDifficulty the lowest difficulty (0 peaceful to 3 hard)
     * @param maxDifficulty the highest
     * @param weight how likely, against the other rules of its population
     * @param onBlocks the blocks it spawns on, any when empty
     * @param preventedOnBlocks the blocks it never spawns on
     * @param minHeight the lowest height
     * @param maxHeight the highest height
     * @param kept the condition components that are not simulated
     */
    public record Condition(Place place, int minBrightness, int maxBrightness, boolean adjustForWeather,
            int surfaceLimit, int undergroundLimit, int herdMin, int herdMax, Filter biomes, int minDifficulty,
            int maxDifficulty, int weight, List<String> onBlocks, List<String> preventedOnBlocks, int minHeight,
            int maxHeight, List<String> kept) {

        /** Copies the lists. */
        public Condition {
            onBlocks = List.copyOf(onBlocks);
            preventedOnBlocks = List.copyOf(preventedOnBlocks);
            kept = List.copyOf(kept);
        }
    }

    /** Where a condition spawns its entity. */
    public enum Place {
        /** {@code minecraft:spawns_on_surface} (also when the condition names no place). */
        SURFACE,
        /** {@code minecraft:spawns_underground}. */
        UNDERGROUND,
        /** {@code minecraft:spawns_underwater}. */
        UNDERWATER,
        /** {@code minecraft:spawns_lava}. */
        LAVA;

        /** {@return its name as the output writes it} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads one spawn rule file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static SpawnRuleDefinition read(Json root, Source source, Reading reading) {
        Json rules = root.get("minecraft:spawn_rules");
        if (!rules.isObject()) {
            throw root.problem("a spawn rule file holds a minecraft:spawn_rules object");
        }
        Json description = rules.get("description");
        String id = description.get("identifier").text();
        var conditions = new ArrayList<Condition>();
        for (Json condition : rules.get("conditions").elements()) {
            conditions.add(condition(condition, reading));
        }
        return new SpawnRuleDefinition(id, source, root.node(),
                description.get("population_control").optionalText().orElse("animal"), conditions);
    }

    private static Condition condition(Json c, Reading reading) {
        Json brightness = c.get("minecraft:brightness_filter");
        Json density = c.get("minecraft:density_limit");
        Json herd = c.get("minecraft:herd");
        Json difficulty = c.get("minecraft:difficulty_filter");
        Json height = c.get("minecraft:height_filter");
        var kept = new ArrayList<String>();
        c.fields().keySet().forEach(name -> {
            if (!SIMULATED.contains(name)) {
                kept.add(name);
                reading.keep("spawn condition " + name);
            }
        });
        Json herdJson = herd.isArray() ? herd.elements().getFirst() : herd;
        Place place = c.get("minecraft:spawns_underground").present() ? Place.UNDERGROUND
                : c.get("minecraft:spawns_underwater").present() ? Place.UNDERWATER
                : c.get("minecraft:spawns_lava").present() ? Place.LAVA : Place.SURFACE;
        int herdMin = Math.clamp((long) herdJson.get("min_size").number(1), 1, MAX_HERD);
        int herdMax = Math.clamp((long) herdJson.get("max_size").number(herdMin), herdMin, MAX_HERD);
        return new Condition(place, (int) brightness.get("min").number(0), (int) brightness.get("max").number(15),
                brightness.get("adjust_for_weather").bool(true), (int) density.get("surface").number(-1),
                (int) density.get("underground").number(-1), herdMin, herdMax,
                FilterReader.read(c.get("minecraft:biome_filter"), reading), difficulty(difficulty.get("min"), 0),
                difficulty(difficulty.get("max"), 3), (int) c.get("minecraft:weight").get("default").number(100),
                blocks(c.get("minecraft:spawns_on_block_filter")),
                blocks(c.get("minecraft:spawns_on_block_prevented_filter")),
                (int) height.get("min").number(Integer.MIN_VALUE), (int) height.get("max").number(Integer.MAX_VALUE),
                kept);
    }

    /** Blocks as spawn conditions name them: a string, an object with a name, or an array of those. */
    private static List<String> blocks(Json value) {
        return value.elements().stream().map(b -> b.isObject() ? b.get("name").text() : b.text())
                .map(name -> name.indexOf(':') < 0 ? "minecraft:" + name : name).toList();
    }

    private static int difficulty(Json value, int otherwise) {
        if (!value.present()) {
            return otherwise;
        }
        int level = List.of("peaceful", "easy", "normal", "hard").indexOf(value.text().toLowerCase(Locale.ROOT));
        if (level < 0) {
            throw value.problem("a difficulty is peaceful, easy, normal or hard, not '" + value.text() + "'");
        }
        return level;
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.SPAWN_RULE;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("spawn rule " + id + " (" + source + "), population " + populationControl);
        for (Condition c : conditions) {
            lines.add("condition: " + c.place().id() + ", brightness " + c.minBrightness() + ".." + c.maxBrightness()
                    + ", weight " + c.weight() + ", herd " + c.herdMin() + ".." + c.herdMax()
                    + (c.surfaceLimit() >= 0 ? ", at most " + c.surfaceLimit() + " on the surface" : "")
                    + (c.undergroundLimit() >= 0 ? ", at most " + c.undergroundLimit() + " underground" : "")
                    + (c.kept().isEmpty() ? "" : ", kept " + c.kept()));
        }
        return lines;
    }
}

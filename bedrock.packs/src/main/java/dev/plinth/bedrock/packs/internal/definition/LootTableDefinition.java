package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loot table, named by its path in the pack ({@code loot_tables/entities/guard.json}): pools of weighted entries,
 * with conditions and functions. Immutable; rolled by the loot engine.
 *
 * @param id its path
 * @param source where it was read
 * @param json the file's JSON
 * @param pools its pools
 */
public record LootTableDefinition(String id, Source source, JsonNode json, List<Pool> pools) implements Definition {

    /** The conditions a loot roll evaluates; others are kept and do not pass. */
    public static final Set<String> CONDITIONS = Set.of("random_chance", "random_chance_with_looting",
            "killed_by_player", "killed_by_player_or_pets", "killed_by_entity", "random_difficulty_chance",
            "random_regional_difficulty_chance", "has_mark_variant", "has_variant", "match_tool", "entity_properties");

    /** The functions a loot roll applies; others are kept as data on the item. */
    public static final Set<String> FUNCTIONS = Set.of("set_count", "set_data", "looting_enchant", "enchant_randomly",
            "enchant_with_levels", "specific_enchants", "set_damage", "set_name", "set_lore", "random_aux_value",
            "random_block_state", "furnace_smelt");

    /** Copies the pools. */
    public LootTableDefinition {
        pools = List.copyOf(pools);
    }

    /**
     * A pool: how often it rolls, when, and from what.
     *
     * @param rolls how many times
     * @param conditions when it rolls at all
     * @param entries what it picks from
     */
    public record Pool(Amount rolls, List<LootCondition> conditions, List<Entry> entries) {}

    /**
     * An entry.
     *
     * @param type {@code item}, {@code loot_table} or {@code empty}
     * @param name the item or the table
     * @param weight its weight
     * @param conditions when it can be picked
     * @param functions what is done to the item
     */
    public record Entry(String type, String name, double weight, List<LootCondition> conditions,
            List<LootFunction> functions) {}

    /**
     * A condition.
     *
     * @param name its kind ({@code random_chance})
     * @param json its fields
     */
    public record LootCondition(String name, JsonNode json) {}

    /**
     * A function.
     *
     * @param name its kind ({@code set_count})
     * @param count the amount it sets (set_count, looting_enchant, set_data's {@code data}), if any
     * @param json its fields
     */
    public record LootFunction(String name, Optional<Amount> count, JsonNode json) {}

    /**
     * Reads one loot table.
     *
     * @param id its path
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static LootTableDefinition read(String id, Json root, Source source, Reading reading) {
        var pools = new ArrayList<Pool>();
        for (Json pool : root.get("pools").elements()) {
            Json rolls = pool.get("rolls");
            var entries = new ArrayList<Entry>();
            for (Json entry : pool.get("entries").elements()) {
                String type = entry.get("type").optionalText().orElse("item");
                if (!type.equals("item") && !type.equals("loot_table") && !type.equals("empty")) {
                    throw entry.get("type").problem("an entry's type is item, loot_table or empty, not '" + type + "'");
                }
                String name = type.equals("empty") ? "" : entry.get("name").text();
                entries.add(new Entry(type, name, entry.get("weight").number(1), conditions(entry, reading),
                        functions(entry, reading)));
            }
            pools.add(new Pool(rolls.present() ? Amount.read(rolls, reading) : new Amount.Constant(1),
                    conditions(pool, reading), entries));
        }
        if (!root.get("pools").present() && !root.isObject()) {
            throw root.problem("a loot table is an object with pools");
        }
        return new LootTableDefinition(id, source, root.node(), pools);
    }

    private static List<LootCondition> conditions(Json holder, Reading reading) {
        return holder.get("conditions").elements().stream().map(c -> {
            String name = c.get("condition").text();
            if (!CONDITIONS.contains(name)) {
                reading.keep("loot condition " + name);
            }
            return new LootCondition(name, c.node());
        }).toList();
    }

    private static List<LootFunction> functions(Json holder, Reading reading) {
        return holder.get("functions").elements().stream().map(f -> {
            String name = f.get("function").text();
            if (!FUNCTIONS.contains(name)) {
                reading.keep("loot function " + name);
            }
            Json count = name.equals("set_data") ? f.get("data") : f.get("count");
            return new LootFunction(name, count.present() ? Optional.of(Amount.read(count, reading))
                    : Optional.empty(), f.node());
        }).toList();
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.LOOT_TABLE;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("loot table " + id + " (" + source + "): " + pools.size() + " pool(s)");
        for (int i = 0; i < pools.size(); i++) {
            Pool pool = pools.get(i);
            lines.add("pool " + (i + 1) + ": rolls " + pool.rolls() + ", entries " + pool.entries().stream()
                    .map(e -> (e.type().equals("empty") ? "empty" : e.name()) + " (weight " + e.weight() + ")")
                    .toList());
        }
        return lines;
    }
}

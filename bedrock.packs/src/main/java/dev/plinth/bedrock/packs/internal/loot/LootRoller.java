package dev.plinth.bedrock.packs.internal.loot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition.Entry;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition.LootCondition;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition.LootFunction;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition.Pool;
import dev.plinth.bedrock.packs.internal.world.DefinitionLookup;
import dev.plinth.core.runtime.item.ItemStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Rolls loot tables as Bedrock does: each pool rolls its number of times (a number or a range), each roll picks one
 * entry by weight among those whose conditions hold, a {@code loot_table} entry rolls that table, and the functions
 * shape the item ({@code set_count}, {@code looting_enchant}; those the simulated items cannot carry, such as
 * {@code set_data} and {@code enchant_randomly}, are kept as data). Deterministic for a given random source.
 *
 * <p>Game thread only (or any one thread at a time).
 */
public final class LootRoller {

    private static final int MAX_DEPTH = 16;

    private final DefinitionLookup definitions;

    /**
     * Creates the roller.
     *
     * @param definitions where tables are found
     */
    public LootRoller(DefinitionLookup definitions) {
        this.definitions = definitions;
    }

    /**
     * Finds a table: its path as written ({@code loot_tables/entities/guard.json}), or without the folder or the
     * extension.
     *
     * @param pack the pack asking
     * @param path the table
     * @return the table, or empty
     */
    public Optional<LootTableDefinition> table(String pack, String path) {
        String normalized = path.replace('\\', '/');
        if (!normalized.startsWith("loot_tables/")) {
            normalized = "loot_tables/" + normalized;
        }
        if (!normalized.endsWith(".json")) {
            normalized = normalized + ".json";
        }
        return definitions.find(pack, DefinitionKind.LOOT_TABLE, normalized, LootTableDefinition.class);
    }

    /**
     * Rolls a table.
     *
     * @param pack the pack asking
     * @param path the table's path
     * @param context what the roll knows
     * @param random where the dice come from
     * @return the items, empty when the table is not found
     */
    public List<LootItem> roll(String pack, String path, LootContext context, RandomGenerator random) {
        var items = new ArrayList<LootItem>();
        table(pack, path).ifPresent(table -> roll(table, context, random, items, 0));
        return items;
    }

    /**
     * Rolls a table.
     *
     * @param table the table
     * @param context what the roll knows
     * @param random where the dice come from
     * @return the items
     */
    public List<LootItem> roll(LootTableDefinition table, LootContext context, RandomGenerator random) {
        var items = new ArrayList<LootItem>();
        roll(table, context, random, items, 0);
        return items;
    }

    private void roll(LootTableDefinition table, LootContext context, RandomGenerator random, List<LootItem> items,
            int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Pool pool : table.pools()) {
            if (!pool.conditions().stream().allMatch(c -> holds(c, context, random))) {
                continue;
            }
            int rolls = (int) Math.max(0, Math.round(pool.rolls().value(null, random)));
            for (int i = 0; i < rolls; i++) {
                pick(pool, context, random).ifPresent(entry -> add(table, entry, context, random, items, depth));
            }
        }
    }

    private static Optional<Entry> pick(Pool pool, LootContext context, RandomGenerator random) {
        var candidates = pool.entries().stream()
                .filter(e -> e.weight() > 0 && e.conditions().stream().allMatch(c -> holds(c, context, random)))
                .toList();
        double total = candidates.stream().mapToDouble(Entry::weight).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        double pick = random.nextDouble() * total;
        for (Entry entry : candidates) {
            pick -= entry.weight();
            if (pick < 0) {
                return Optional.of(entry);
            }
        }
        return Optional.of(candidates.getLast());
    }

    private void add(LootTableDefinition table, Entry entry, LootContext context, RandomGenerator random,
            List<LootItem> items, int depth) {
        switch (entry.type()) {
            case "loot_table" -> table(table.source().pack(), entry.name())
                    .ifPresent(t -> roll(t, context, random, items, depth + 1));
            case "item" -> item(entry, context, random).ifPresent(items::add);
            default -> { }
        }
    }

    private static Optional<LootItem> item(Entry entry, LootContext context, RandomGenerator random) {
        int count = 1;
        var data = new ArrayList<String>();
        for (LootFunction function : entry.functions()) {
            if (!function.json().path("conditions").isMissingNode()) {
                boolean holds = true;
                for (JsonNode c : function.json().path("conditions")) {
                    holds &= holds(new LootCondition(c.path("condition").asText(), c), context, random);
                }
                if (!holds) {
                    continue;
                }
            }
            switch (function.name()) {
                case "set_count" -> count = (int) Math.round(amount(function, random, 1));
                case "looting_enchant" -> count += (int) Math.round(amount(function, random, 0) * context.looting());
                case "set_data", "random_aux_value" -> data.add("data " + (long) amount(function, random, 0));
                default -> data.add(function.name());
            }
        }
        if (count <= 0) {
            return Optional.empty();
        }
        String id = entry.name().indexOf(':') < 0 ? "minecraft:" + entry.name() : entry.name();
        return Optional.of(new LootItem(new ItemStack(id, Math.min(count, ItemStack.MAX_STACK)), data));
    }

    private static double amount(LootFunction function, RandomGenerator random, double otherwise) {
        return function.count().map(a -> a.value(null, random)).orElse(otherwise);
    }

    /** Whether a condition holds; a condition Plinth does not evaluate does not. */
    static boolean holds(LootCondition condition, LootContext context, RandomGenerator random) {
        JsonNode json = condition.json();
        return switch (condition.name()) {
            case "random_chance" -> random.nextDouble() < json.path("chance").asDouble(1);
            case "random_chance_with_looting" -> random.nextDouble() < json.path("chance").asDouble(1)
                    + json.path("looting_multiplier").asDouble(0) * context.looting();
            case "random_difficulty_chance", "random_regional_difficulty_chance" -> random.nextDouble()
                    < json.path(List.of("peaceful", "easy", "normal", "hard").get(context.difficulty()))
                            .asDouble(json.path("default_chance").asDouble(json.path("max_chance").asDouble(1)));
            case "killed_by_player", "killed_by_player_or_pets" -> context.killedByPlayer();
            case "killed_by_entity" -> context.killer().map(k -> k.entity().type()
                    .equals(json.path("entity_type").asText())).orElse(false);
            case "has_mark_variant" -> context.entity().map(e -> e.intComponent("minecraft:mark_variant")
                    == json.path("value").asInt()).orElse(false);
            case "has_variant" -> context.entity().map(e -> e.intComponent("minecraft:variant")
                    == json.path("value").asInt()).orElse(false);
            case "match_tool" -> context.killer().map(k -> k.hasEquipment("hand",
                    json.path("item").asText())).orElse(false);
            case "entity_properties" -> json.path("properties").path("on_fire").asBoolean(false) ? false
                    : context.entity().isPresent();
            default -> false;
        };
    }
}

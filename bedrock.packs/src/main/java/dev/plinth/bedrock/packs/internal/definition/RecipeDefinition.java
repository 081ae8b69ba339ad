package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code minecraft:recipe_*} of a behavior pack. Shaped, shapeless and furnace recipes are crafted by
 * {@code sim:craft}; the others (brewing, smithing...) are kept and shown. Immutable.
 *
 * @param id the identifier
 * @param source where it was read
 * @param json the file's JSON
 * @param type the recipe type without {@code minecraft:recipe_} ({@code shaped}, {@code furnace})
 * @param tags where it is made ({@code crafting_table}, {@code furnace})
 * @param pattern a shaped recipe's rows, empty for the others
 * @param key a shaped recipe's symbols
 * @param ingredients the ingredients (a shaped recipe's, counted from its pattern)
 * @param results what it gives
 * @param assumeSymmetry whether a shaped recipe also matches mirrored
 */
public record RecipeDefinition(String id, Source source, JsonNode json, String type, List<String> tags,
        List<String> pattern, Map<Character, Ingredient> key, List<Ingredient> ingredients, List<Ingredient> results,
        boolean assumeSymmetry) implements Definition {

    /** Copies the collections. */
    public RecipeDefinition {
        tags = List.copyOf(tags);
        pattern = List.copyOf(pattern);
        key = Map.copyOf(key);
        ingredients = List.copyOf(ingredients);
        results = List.copyOf(results);
    }

    /**
     * An item of a recipe: an item (with its data value, kept) or an item tag, and a count.
     *
     * @param item the item id, empty for a tag
     * @param tag the item tag, empty for an item
     * @param count how many
     * @param data the data value, -1 for any
     */
    public record Ingredient(Optional<String> item, Optional<String> tag, int count, int data) {

        /** {@return {@code minecraft:stick x2} or {@code tag minecraft:planks x4}} */
        @Override
        public String toString() {
            return item.orElseGet(() -> "tag " + tag.orElseThrow()) + " x" + count;
        }

        /** {@return the same with another count} */
        public Ingredient withCount(int count) {
            return new Ingredient(item, tag, count, data);
        }
    }

    /**
     * Reads one recipe file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     */
    public static RecipeDefinition read(Json root, Source source, Reading reading) {
        Map.Entry<String, Json> recipe = root.fields().entrySet().stream()
                .filter(e -> e.getKey().startsWith("minecraft:recipe_"))
                .findFirst()
                .orElseThrow(() -> root.problem("a recipe file holds a minecraft:recipe_* object"));
        String type = recipe.getKey().substring("minecraft:recipe_".length());
        Json body = recipe.getValue();
        String id = body.get("description").get("identifier").text();
        List<String> tags = body.get("tags").texts();
        var key = new LinkedHashMap<Character, Ingredient>();
        var pattern = new ArrayList<String>();
        var ingredients = new ArrayList<Ingredient>();
        var results = new ArrayList<Ingredient>();
        switch (type) {
            case "shaped" -> {
                pattern.addAll(body.get("pattern").texts());
                if (pattern.isEmpty() || pattern.size() > 3 || pattern.stream().anyMatch(r -> r.length() > 3)) {
                    throw body.get("pattern").problem("a shaped recipe's pattern has 1 to 3 rows of 1 to 3 symbols");
                }
                body.get("key").fields().forEach((symbol, value) -> {
                    if (symbol.length() != 1) {
                        throw value.problem("a key is one symbol, not '" + symbol + "'");
                    }
                    key.put(symbol.charAt(0), ingredient(value));
                });
                var counts = new LinkedHashMap<Character, Integer>();
                for (String row : pattern) {
                    for (char symbol : row.toCharArray()) {
                        if (symbol != ' ') {
                            if (!key.containsKey(symbol)) {
                                throw body.get("pattern").problem("the symbol '" + symbol + "' is not in the key");
                            }
                            counts.merge(symbol, 1, Integer::sum);
                        }
                    }
                }
                counts.forEach((symbol, count) -> ingredients.add(key.get(symbol).withCount(count)));
                results.addAll(body.get("result").elements().stream().map(RecipeDefinition::ingredient).toList());
            }
            case "shapeless" -> {
                ingredients.addAll(body.get("ingredients").elements().stream().map(RecipeDefinition::ingredient)
                        .toList());
                results.addAll(body.get("result").elements().stream().map(RecipeDefinition::ingredient).toList());
            }
            case "furnace" -> {
                ingredients.add(ingredient(body.get("input")));
                results.add(ingredient(body.get("output")));
            }
            default -> reading.keep("recipe type " + type);
        }
        if (!type.equals("shaped") && !type.equals("shapeless") && !type.equals("furnace")) {
            return new RecipeDefinition(id, source, root.node(), type, tags, List.of(), Map.of(), List.of(),
                    List.of(), false);
        }
        if (ingredients.isEmpty()) {
            throw body.problem("a " + type + " recipe needs ingredients");
        }
        if (results.isEmpty()) {
            throw body.get(type.equals("furnace") ? "output" : "result").problem("is required: what the recipe gives");
        }
        return new RecipeDefinition(id, source, root.node(), type, tags, pattern, key, ingredients, results,
                body.get("assume_symmetry").bool(true));
    }

    /** An ingredient or result: {@code "minecraft:stick"}, {@code "minecraft:wool:3"}, or an object. */
    private static Ingredient ingredient(Json value) {
        if (value.isText()) {
            return item(value.text(), 1, -1);
        }
        if (!value.isObject()) {
            throw value.problem("expected an item (a string or an object), found " + value.describe());
        }
        int count = (int) value.get("count").number(1);
        if (count < 1 || count > 64) {
            throw value.get("count").problem("a count is from 1 to 64, not " + count);
        }
        if (value.get("tag").present()) {
            return new Ingredient(Optional.empty(), Optional.of(value.get("tag").text()), count, -1);
        }
        return item(value.get("item").text(), count, (int) value.get("data").number(-1));
    }

    private static Ingredient item(String text, int count, int data) {
        String[] parts = text.split(":");
        if (parts.length == 3 && parts[2].matches("-?\\d+")) {
            return new Ingredient(Optional.of(parts[0] + ":" + parts[1]), Optional.empty(), count,
                    Integer.parseInt(parts[2]));
        }
        return new Ingredient(Optional.of(text.indexOf(':') < 0 ? "minecraft:" + text : text), Optional.empty(),
                count, data);
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.RECIPE;
    }

    /** {@return whether {@code sim:craft} makes it} */
    public boolean craftable() {
        return !ingredients.isEmpty();
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("recipe " + id + " (" + type + ", " + source + ")" + (tags.isEmpty() ? "" : " made at " + tags));
        if (!pattern.isEmpty()) {
            lines.add("pattern " + pattern + ", key " + key + (assumeSymmetry ? ", mirrored too" : ""));
        }
        lines.add(craftable() ? "takes " + ingredients + ", gives " + results
                : "not crafted by sim:craft (" + type + " recipes are kept as data)");
        return lines;
    }
}

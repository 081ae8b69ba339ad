package dev.plinth.bedrock.packs.internal.crafting;

import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_STATE;
import static dev.plinth.core.runtime.simulation.SimulationException.NOT_FOUND;

import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.ItemDefinition;
import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition;
import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition.Ingredient;
import dev.plinth.bedrock.packs.internal.host.ActivePack;
import dev.plinth.bedrock.packs.internal.host.PackRegistry;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Inventory;
import dev.plinth.core.runtime.simulation.SimulationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crafts from a player's inventory, as a crafting table or a furnace would: a recipe by its id (as the recipe book
 * does), or whatever recipe a grid of items matches ({@link RecipeMatcher}). Every ingredient (an item, or any item of
 * an item tag: a pack item's {@code minecraft:tags}, or one of the vanilla tags Plinth knows) is taken, the results
 * are given; when something is missing, nothing is taken and the message says what. Game thread only.
 */
public final class Crafting {

    /** The vanilla item tags recipes use most, with their members. */
    static final Map<String, Set<String>> VANILLA_TAGS = Map.of(
            "minecraft:planks", Set.of("minecraft:oak_planks", "minecraft:spruce_planks", "minecraft:birch_planks",
                    "minecraft:jungle_planks", "minecraft:acacia_planks", "minecraft:dark_oak_planks",
                    "minecraft:mangrove_planks", "minecraft:cherry_planks", "minecraft:bamboo_planks",
                    "minecraft:crimson_planks", "minecraft:warped_planks", "minecraft:pale_oak_planks"),
            "minecraft:logs", Set.of("minecraft:oak_log", "minecraft:spruce_log", "minecraft:birch_log",
                    "minecraft:jungle_log", "minecraft:acacia_log", "minecraft:dark_oak_log",
                    "minecraft:mangrove_log", "minecraft:cherry_log"),
            "minecraft:coals", Set.of("minecraft:coal", "minecraft:charcoal"),
            "minecraft:stone_crafting_materials", Set.of("minecraft:cobblestone", "minecraft:blackstone",
                    "minecraft:cobbled_deepslate"),
            "minecraft:stone_tool_materials", Set.of("minecraft:cobblestone", "minecraft:blackstone",
                    "minecraft:cobbled_deepslate"),
            "minecraft:wool", Set.of("minecraft:white_wool", "minecraft:black_wool", "minecraft:red_wool"));

    private final PackRegistry registry;
    private final RecipeMatcher matcher;

    /**
     * Creates the crafter.
     *
     * @param registry the started packs (recipes, item tags)
     */
    public Crafting(PackRegistry registry) {
        this.registry = registry;
        this.matcher = new RecipeMatcher(this::hasTag);
    }

    /**
     * Crafts a recipe a number of times, as the recipe book does: the ingredients are taken wherever they are in the
     * inventory.
     *
     * @param inventory the player's inventory
     * @param recipe the recipe
     * @param times how many times
     * @return what was taken and given
     * @throws SimulationException when the recipe is not craftable or an ingredient is missing
     */
    public String craft(Inventory inventory, RecipeDefinition recipe, int times) {
        if (!recipe.craftable()) {
            throw new SimulationException(INVALID_STATE, recipe.id() + " is a " + recipe.type()
                    + " recipe: sim:craft makes shaped, shapeless and furnace recipes");
        }
        Map<String, Integer> take = new LinkedHashMap<>();
        var missing = new ArrayList<String>();
        for (Ingredient ingredient : recipe.ingredients()) {
            int need = ingredient.count() * times;
            for (String item : candidates(ingredient, inventory)) {
                int have = inventory.count(item) - take.getOrDefault(item, 0);
                int used = Math.min(have, need);
                if (used > 0) {
                    take.merge(item, used, Integer::sum);
                    need -= used;
                }
                if (need == 0) {
                    break;
                }
            }
            if (need > 0) {
                missing.add(need + " " + ingredient.item().orElseGet(() -> "of tag " + ingredient.tag().orElseThrow()));
            }
        }
        if (!missing.isEmpty()) {
            throw new SimulationException(INVALID_STATE, "cannot craft " + recipe.id() + (times > 1 ? " x" + times : "")
                    + ": missing " + String.join(", ", missing));
        }
        return "crafted " + recipe.id() + (times > 1 ? " x" + times : "") + ": " + exchange(inventory, take, recipe,
                times);
    }

    /**
     * Crafts what a grid of items makes at a crafting table: the first recipe of the started packs whose pattern
     * (shaped, mirrored too) or ingredients (shapeless) the grid matches; one item of each cell is taken from the
     * inventory.
     *
     * @param inventory the player's inventory
     * @param grid the items as laid out
     * @return the recipe, what was taken and given
     * @throws SimulationException ERR_NOT_FOUND when no recipe matches, ERR_INVALID_STATE when the inventory lacks
     *     an item of the grid
     */
    public String craft(Inventory inventory, CraftingGrid grid) {
        List<RecipeDefinition> recipes = new ArrayList<>();
        for (ActivePack pack : registry.packs().reversed()) {
            for (RecipeDefinition recipe : pack.loaded().all(DefinitionKind.RECIPE, RecipeDefinition.class)) {
                if (recipe.tags().isEmpty() || recipe.tags().contains("crafting_table")) {
                    recipes.add(recipe);
                }
            }
        }
        RecipeMatcher.Match match = matcher.find(recipes, grid).orElseThrow(() -> new SimulationException(NOT_FOUND,
                "no crafting table recipe of a started pack matches the grid " + grid));
        Map<String, Integer> take = new LinkedHashMap<>();
        grid.items().forEach(item -> take.merge(item, 1, Integer::sum));
        var missing = new ArrayList<String>();
        take.forEach((item, count) -> {
            if (inventory.count(item) < count) {
                missing.add((count - inventory.count(item)) + " " + item);
            }
        });
        if (!missing.isEmpty()) {
            throw new SimulationException(INVALID_STATE, "the grid makes " + match.recipe().id()
                    + ", but the inventory lacks " + String.join(", ", missing));
        }
        return "crafted " + match.recipe().id() + (match.mirrored() ? " (pattern mirrored)" : "") + " from the grid "
                + grid + ": " + exchange(inventory, take, match.recipe(), 1);
    }

    /** Takes the ingredients, gives the results, and says so. */
    private static String exchange(Inventory inventory, Map<String, Integer> take, RecipeDefinition recipe,
            int times) {
        take.forEach(inventory::remove);
        var given = new ArrayList<String>();
        for (Ingredient result : recipe.results()) {
            String item = result.item().orElseThrow();
            int count = result.count() * times;
            int left = count;
            while (left > 0) {
                int stack = Math.min(left, ItemStack.MAX_STACK);
                inventory.add(new ItemStack(item, stack));
                left -= stack;
            }
            given.add(item + " x" + count);
        }
        var taken = new ArrayList<String>();
        take.forEach((item, count) -> taken.add(item + " x" + count));
        return "took " + taken + ", gave " + given;
    }

    /** The items of the inventory an ingredient may be made of. */
    private List<String> candidates(Ingredient ingredient, Inventory inventory) {
        if (ingredient.item().isPresent()) {
            return List.of(ingredient.item().get());
        }
        var items = new ArrayList<String>();
        for (ItemStack stack : inventory.contents()) {
            if (!items.contains(stack.type()) && matcher.accepts(ingredient, stack.type())) {
                items.add(stack.type());
            }
        }
        return items;
    }

    private boolean hasTag(String item, String tag) {
        if (VANILLA_TAGS.getOrDefault(tag, Set.of()).contains(item)) {
            return true;
        }
        for (ActivePack pack : registry.packs()) {
            var definition = pack.loaded().find(DefinitionKind.ITEM, item, ItemDefinition.class);
            if (definition.isPresent() && definition.get().tags().contains(tag)) {
                return true;
            }
        }
        return false;
    }
}

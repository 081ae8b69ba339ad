package dev.plinth.bedrock.packs.internal.crafting;

import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition;
import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition.Ingredient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Matches a crafting grid against recipes as a Bedrock crafting table does: a shaped recipe's pattern, cut down to
 * its symbols, must cover the items of the grid exactly, wherever they lie in it, cell for cell (a key that names a
 * tag takes any item of that tag), and also matches mirrored left to right unless the recipe says
 * {@code "assume_symmetry": false}; a shapeless recipe takes its ingredients in any cells. Immutable and thread-safe.
 */
public final class RecipeMatcher {

    private final ItemTags tags;

    /**
     * Creates the matcher.
     *
     * @param tags which items carry which tags
     */
    public RecipeMatcher(ItemTags tags) {
        this.tags = tags;
    }

    /**
     * How a grid matched a recipe.
     *
     * @param recipe the recipe
     * @param mirrored whether its pattern matched mirrored left to right
     */
    public record Match(RecipeDefinition recipe, boolean mirrored) {}

    /**
     * The first recipe a grid makes.
     *
     * @param recipes the recipes to try, in order; those not made at a crafting table are skipped
     * @param grid the grid
     * @return the match, or empty
     */
    public Optional<Match> find(List<RecipeDefinition> recipes, CraftingGrid grid) {
        for (RecipeDefinition recipe : recipes) {
            Optional<Match> match = match(recipe, grid);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a grid makes a recipe.
     *
     * @param recipe the recipe
     * @param grid the grid
     * @return the match, or empty when the grid does not make it (or it is not a crafting table recipe)
     */
    public Optional<Match> match(RecipeDefinition recipe, CraftingGrid grid) {
        return switch (recipe.type()) {
            case "shaped" -> shaped(recipe, grid);
            case "shapeless" -> shapeless(recipe, grid.items()) ? Optional.of(new Match(recipe, false))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<Match> shaped(RecipeDefinition recipe, CraftingGrid grid) {
        List<List<Optional<Ingredient>>> pattern = pattern(recipe);
        List<List<Optional<String>>> cells = grid.trimmed();
        if (fits(pattern, cells, false)) {
            return Optional.of(new Match(recipe, false));
        }
        if (recipe.assumeSymmetry() && fits(pattern, cells, true)) {
            return Optional.of(new Match(recipe, true));
        }
        return Optional.empty();
    }

    /** The pattern cut down to its symbols, each cell the key's ingredient or empty. */
    private static List<List<Optional<Ingredient>>> pattern(RecipeDefinition recipe) {
        int width = recipe.pattern().stream().mapToInt(String::length).max().orElse(0);
        var rows = new ArrayList<List<Optional<Ingredient>>>();
        for (String row : recipe.pattern()) {
            var cells = new ArrayList<Optional<Ingredient>>();
            for (int c = 0; c < width; c++) {
                char symbol = c < row.length() ? row.charAt(c) : ' ';
                cells.add(symbol == ' ' ? Optional.empty() : Optional.of(recipe.key().get(symbol)));
            }
            rows.add(cells);
        }
        int top = 0;
        while (top < rows.size() && rows.get(top).stream().allMatch(Optional::isEmpty)) {
            top++;
        }
        int bottom = rows.size();
        while (bottom > top && rows.get(bottom - 1).stream().allMatch(Optional::isEmpty)) {
            bottom--;
        }
        int left = 0;
        while (left < width && column(rows, left, top, bottom)) {
            left++;
        }
        int right = width;
        while (right > left && column(rows, right - 1, top, bottom)) {
            right--;
        }
        var trimmed = new ArrayList<List<Optional<Ingredient>>>();
        for (int r = top; r < bottom; r++) {
            trimmed.add(rows.get(r).subList(left, right));
        }
        return trimmed;
    }

    private static boolean column(List<List<Optional<Ingredient>>> rows, int column, int top, int bottom) {
        for (int r = top; r < bottom; r++) {
            if (rows.get(r).get(column).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private boolean fits(List<List<Optional<Ingredient>>> pattern, List<List<Optional<String>>> cells,
            boolean mirrored) {
        if (pattern.size() != cells.size()) {
            return false;
        }
        for (int r = 0; r < pattern.size(); r++) {
            List<Optional<Ingredient>> want = pattern.get(r);
            List<Optional<String>> have = cells.get(r);
            if (want.size() != have.size()) {
                return false;
            }
            for (int c = 0; c < want.size(); c++) {
                Optional<Ingredient> ingredient = want.get(mirrored ? want.size() - 1 - c : c);
                Optional<String> item = have.get(c);
                if (ingredient.isPresent() != item.isPresent()
                        || (item.isPresent() && !accepts(ingredient.get(), item.get()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every ingredient (as many cells as its count) in a cell of its own, no cell left over. */
    private boolean shapeless(RecipeDefinition recipe, List<String> items) {
        var wanted = new ArrayList<Ingredient>();
        for (Ingredient ingredient : recipe.ingredients()) {
            for (int i = 0; i < ingredient.count(); i++) {
                wanted.add(ingredient);
            }
        }
        if (wanted.size() != items.size()) {
            return false;
        }
        return assign(wanted, new ArrayList<>(items), 0);
    }

    /** Gives each wanted ingredient an item of its own (backtracking: tags may overlap items). */
    private boolean assign(List<Ingredient> wanted, List<String> left, int index) {
        if (index == wanted.size()) {
            return true;
        }
        for (int i = 0; i < left.size(); i++) {
            String item = left.get(i);
            if (accepts(wanted.get(index), item)) {
                left.remove(i);
                boolean done = assign(wanted, left, index + 1);
                left.add(i, item);
                if (done) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an item can be an ingredient.
     *
     * @param ingredient the ingredient: an item, or a tag
     * @param item the item
     * @return {@code true} when it is that item, or has that tag
     */
    public boolean accepts(Ingredient ingredient, String item) {
        return ingredient.item().map(item::equals).orElseGet(() -> tags.has(item, ingredient.tag().orElseThrow()));
    }
}

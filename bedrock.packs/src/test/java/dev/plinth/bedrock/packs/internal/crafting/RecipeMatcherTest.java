package dev.plinth.bedrock.packs.internal.crafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.testing.TestPack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crafting grid matched against recipes as a Bedrock crafting table matches it. */
class RecipeMatcherTest {

    @TempDir
    Path folder;

    private LoadedPack pack;
    private final RecipeMatcher matcher = new RecipeMatcher((item, tag) -> tag.equals("minecraft:planks")
            && item.endsWith("_planks"));

    @BeforeEach
    void loadRecipes() {
        pack = TestPack.load(folder, Map.of(
                "recipes/hoe.json", """
                        { "format_version": "1.12.0", "minecraft:recipe_shaped": {
                            "description": { "identifier": "test:hoe" }, "tags": ["crafting_table"],
                            "pattern": ["XX", " S", " S"],
                            "key": { "X": { "item": "minecraft:iron_ingot" }, "S": "minecraft:stick" },
                            "result": { "item": "minecraft:iron_hoe" } } }
                        """,
                "recipes/flag.json", """
                        { "format_version": "1.12.0", "minecraft:recipe_shaped": {
                            "description": { "identifier": "test:flag" }, "tags": ["crafting_table"],
                            "pattern": ["WW", "S "], "assume_symmetry": false,
                            "key": { "W": "minecraft:white_wool", "S": "minecraft:stick" },
                            "result": "minecraft:white_banner" } }
                        """,
                "recipes/stick.json", """
                        { "format_version": "1.12.0", "minecraft:recipe_shaped": {
                            "description": { "identifier": "test:sticks" }, "tags": ["crafting_table"],
                            "pattern": ["P", "P"], "key": { "P": { "tag": "minecraft:planks" } },
                            "result": { "item": "minecraft:stick", "count": 4 } } }
                        """,
                "recipes/stew.json", """
                        { "format_version": "1.12.0", "minecraft:recipe_shapeless": {
                            "description": { "identifier": "test:stew" }, "tags": ["crafting_table"],
                            "ingredients": [ { "item": "minecraft:bowl" }, { "item": "minecraft:mushroom", "count": 2 } ],
                            "result": "minecraft:mushroom_stew" } }
                        """));
        assertEquals(List.of(), pack.failures());
    }

    private RecipeDefinition recipe(String id) {
        return pack.find(DefinitionKind.RECIPE, id, RecipeDefinition.class).orElseThrow();
    }

    private Optional<RecipeMatcher.Match> match(String id, String... rows) {
        return matcher.match(recipe(id), CraftingGrid.parse(List.of(rows)));
    }

    @Nested
    class Shaped {
        @Test
        void matchesItsPatternWhereverItLiesInTheGrid() {
            assertTrue(match("test:hoe", "iron_ingot,iron_ingot,-", "-,stick,-", "-,stick,-").isPresent());
            assertTrue(match("test:hoe", "-,iron_ingot,iron_ingot", "-,-,stick", "-,-,stick").isPresent());
            assertFalse(match("test:hoe", "iron_ingot,iron_ingot,-", "-,stick,-", "-,-,stick").isPresent(),
                    "the pattern's shape matters, not only the ingredients");
        }

        @Test
        void matchesMirroredUnlessTheRecipeSaysNo() {
            var mirrored = match("test:hoe", "iron_ingot,iron_ingot", "stick,-", "stick,-");
            assertTrue(mirrored.orElseThrow().mirrored());
            assertFalse(match("test:hoe", "iron_ingot,iron_ingot", "-,stick", "-,stick").orElseThrow().mirrored());
            assertTrue(match("test:flag", "white_wool,white_wool", "stick,-").isPresent());
            assertFalse(match("test:flag", "white_wool,white_wool", "-,stick").isPresent(),
                    "assume_symmetry false: no mirror");
        }

        @Test
        void aKeyNamingATagTakesAnyItemOfIt() {
            assertTrue(match("test:sticks", "oak_planks", "birch_planks").isPresent());
            assertFalse(match("test:sticks", "oak_planks", "oak_log").isPresent());
        }

        @Test
        void anExtraOrMissingItemFails() {
            assertFalse(match("test:hoe", "iron_ingot,iron_ingot,stick", "-,stick,-", "-,stick,-").isPresent());
            assertFalse(match("test:hoe", "iron_ingot,iron_ingot", "-,stick").isPresent());
        }
    }

    @Nested
    class Shapeless {
        @Test
        void takesItsIngredientsInAnyCellsWithTheirCounts() {
            assertTrue(match("test:stew", "mushroom,-,bowl", "-,mushroom,-").isPresent());
            assertFalse(match("test:stew", "mushroom,bowl").isPresent(), "two mushrooms are needed");
            assertFalse(match("test:stew", "mushroom,bowl,mushroom", "stick").isPresent(), "nothing more");
        }
    }

    @Test
    void findsTheFirstRecipeAGridMakes() {
        var found = matcher.find(List.of(recipe("test:stew"), recipe("test:sticks")),
                CraftingGrid.parse(List.of("spruce_planks", "spruce_planks")));
        assertEquals("test:sticks", found.orElseThrow().recipe().id());
    }

    @Test
    void gridsAreReadWithTheirEmptyCellsAndRefusedWhenTooLarge() {
        var grid = CraftingGrid.parse(List.of("-,custom:ruby", "minecraft:stick"));
        assertEquals(List.of("custom:ruby", "minecraft:stick"), grid.items());
        assertEquals("[-, custom:ruby] / [minecraft:stick, -]", grid.toString());
        assertThrows(IllegalArgumentException.class, () -> CraftingGrid.parse(List.of("a,b,c,d")));
        assertThrows(IllegalArgumentException.class, () -> CraftingGrid.parse(List.of("a", "b", "c", "d")));
        assertThrows(IllegalArgumentException.class, () -> CraftingGrid.parse(List.of("-,-")));
        assertThrows(IllegalArgumentException.class, () -> CraftingGrid.parse(List.of("Not An Item")));
    }
}

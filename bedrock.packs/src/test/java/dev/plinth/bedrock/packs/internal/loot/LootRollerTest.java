package dev.plinth.bedrock.packs.internal.loot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.testing.TestPack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loot tables rolled as Bedrock rolls them: pools, rolls, weights, conditions, functions, nested tables. */
class LootRollerTest {

    @TempDir
    Path folder;

    private LootRoller roller;

    @BeforeEach
    void loadTables() {
        LoadedPack pack = TestPack.load(folder, Map.of(
                "loot_tables/weighted.json", """
                        { "pools": [ { "rolls": 1, "entries": [
                            { "type": "item", "name": "minecraft:diamond", "weight": 1 },
                            { "type": "item", "name": "minecraft:dirt", "weight": 3 } ] } ] }
                        """,
                "loot_tables/counted.json", """
                        { "pools": [ { "rolls": { "min": 2, "max": 3 }, "entries": [
                            { "type": "item", "name": "emerald",
                              "functions": [ { "function": "set_count", "count": { "min": 1, "max": 4 } },
                                             { "function": "enchant_randomly" }, { "function": "set_data", "data": 3 } ] }
                            ] } ] }
                        """,
                "loot_tables/player_only.json", """
                        { "pools": [ { "rolls": 1, "conditions": [ { "condition": "killed_by_player" } ],
                            "entries": [ { "type": "item", "name": "minecraft:iron_ingot" } ] } ] }
                        """,
                "loot_tables/chance.json", """
                        { "pools": [ { "rolls": 1000, "entries": [ { "type": "item", "name": "minecraft:apple",
                            "conditions": [ { "condition": "random_chance", "chance": 0.25 } ] } ] } ] }
                        """,
                "loot_tables/nested.json", """
                        { "pools": [ { "rolls": 1, "entries": [
                            { "type": "loot_table", "name": "loot_tables/player_only.json" },
                            { "type": "empty", "weight": 0 } ] } ] }
                        """,
                "loot_tables/loop.json", """
                        { "pools": [ { "rolls": 1, "entries": [ { "type": "loot_table", "name": "loot_tables/loop.json" } ] },
                                     { "rolls": 1, "entries": [ { "type": "item", "name": "minecraft:stick" } ] } ] }
                        """));
        assertEquals(List.of(), pack.failures());
        roller = new LootRoller(TestPack.lookup(pack));
    }

    private List<LootItem> roll(String table, LootContext context, long seed) {
        return roller.roll("test-pack", table, context, new SplittableRandom(seed));
    }

    private static LootContext byPlayer() {
        return new LootContext(Optional.empty(), Optional.empty(), true, 0, 2);
    }

    @Test
    void weightsDecideHowOftenEachEntryComes() {
        var counts = new HashMap<String, Integer>();
        var random = new SplittableRandom(1);
        for (int i = 0; i < 4000; i++) {
            roller.roll("test-pack", "weighted", LootContext.NONE, random)
                    .forEach(item -> counts.merge(item.stack().type(), 1, Integer::sum));
        }
        int diamonds = counts.get("minecraft:diamond");
        assertTrue(diamonds > 850 && diamonds < 1150, "a weight of 1 in 4: " + counts);
        assertEquals(4000, diamonds + counts.get("minecraft:dirt"));
    }

    @Test
    void rollsAndCountsStayInTheirRangesAndFunctionsThatAreNotSimulatedAreKeptAsData() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            List<LootItem> items = roller.roll("test-pack", "loot_tables/counted.json", LootContext.NONE, random);
            assertTrue(items.size() >= 2 && items.size() <= 3, items.toString());
            for (LootItem item : items) {
                assertEquals("minecraft:emerald", item.stack().type(), "an id without namespace is minecraft's");
                assertTrue(item.stack().count() >= 1 && item.stack().count() <= 4, item.toString());
                assertEquals(List.of("enchant_randomly", "data 3"), item.data());
            }
        }
    }

    @Test
    void theSameSeedRollsTheSameLoot() {
        assertEquals(roll("counted", LootContext.NONE, 42).toString(), roll("counted", LootContext.NONE, 42).toString());
    }

    @Test
    void killedByPlayerHoldsOnlyWhenAPlayerKilled() {
        assertEquals(List.of(), roll("player_only", LootContext.NONE, 1));
        assertEquals("[minecraft:iron_ingot x1]", roll("player_only", byPlayer(), 1).toString());
        assertEquals("[minecraft:iron_ingot x1]", roll("nested", byPlayer(), 1).toString(), "through a nested table");
    }

    @Test
    void randomChanceLetsThroughItsShare() {
        int apples = roll("chance", LootContext.NONE, 3).size();
        assertTrue(apples > 200 && apples < 300, "a chance of 0.25 over 1000 rolls: " + apples);
    }

    @Test
    void aTableThatNamesItselfStopsAtTheDepthLimit() {
        var items = new ArrayList<>(roll("loop", LootContext.NONE, 1));
        assertEquals(17, items.size(), "one stick per level, 17 levels deep: " + items);
        assertTrue(items.stream().allMatch(i -> i.stack().type().equals("minecraft:stick")));
    }
}

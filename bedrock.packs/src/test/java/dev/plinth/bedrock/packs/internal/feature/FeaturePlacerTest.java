package dev.plinth.bedrock.packs.internal.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition;
import dev.plinth.bedrock.packs.internal.filter.Environment;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.loot.LootRoller;
import dev.plinth.bedrock.packs.internal.testing.FlatWorld;
import dev.plinth.bedrock.packs.internal.testing.TestPack;
import dev.plinth.bedrock.packs.internal.world.DefinitionLookup;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features placed into a world as world generation places them (the world: stone from 0 to 3, grass at 4, air
 * above).
 */
class FeaturePlacerTest {

    @TempDir
    Path folder;

    private final FlatWorld world = new FlatWorld();
    private LoadedPack pack;
    private FeaturePlacer placer;

    private static String feature(String kind, String id, String body) {
        return "{ \"format_version\": \"1.16.100\", \"minecraft:" + kind + "\": { \"description\": { \"identifier\": \""
                + id + "\" }, " + body + " } }";
    }

    @BeforeEach
    void loadFeatures() {
        pack = TestPack.load(folder, Map.ofEntries(
                Map.entry("features/flower.json", feature("single_block_feature", "t:flower",
                        "\"places_block\": \"minecraft:poppy\", \"may_replace\": [\"minecraft:air\"]")),
                Map.entry("features/crate.json", feature("single_block_feature", "t:crate",
                        "\"places_block\": { \"name\": \"minecraft:barrel\", \"states\": { \"facing_direction\": 1 } }")),
                Map.entry("features/ore.json", feature("ore_feature", "t:ore",
                        "\"count\": 8, \"replace_rules\": [ { \"places_block\": \"minecraft:diamond_ore\", "
                                + "\"may_replace\": [\"minecraft:stone\"] } ]")),
                Map.entry("features/scatter.json", feature("scatter_feature", "t:meadow",
                        "\"places_feature\": \"t:flower\", \"iterations\": 6, \"scatter_chance\": 100, "
                                + "\"x\": { \"distribution\": \"uniform\", \"extent\": [0, 7] }, "
                                + "\"y\": \"q.heightmap(v.worldx, v.worldz) - v.originy\", "
                                + "\"z\": { \"distribution\": \"fixed_grid\", \"extent\": [0, 5], \"step_size\": 1 }")),
                Map.entry("features/never.json", feature("scatter_feature", "t:never",
                        "\"places_feature\": \"t:flower\", \"iterations\": 3, \"scatter_chance\": 0")),
                Map.entry("features/new_scatter.json", feature("scatter_feature", "t:grid",
                        "\"places_feature\": \"t:flower\", \"project_input_to_floor\": true, \"distribution\": {"
                                + " \"iterations\": 9, \"x\": { \"distribution\": \"fixed_grid\", \"extent\": [0, 2] },"
                                + " \"z\": { \"distribution\": \"fixed_grid\", \"extent\": [0, 2] } }")),
                Map.entry("features/both.json", feature("aggregate_feature", "t:both",
                        "\"features\": [\"t:flower\", \"t:crate\"]")),
                Map.entry("features/first.json", feature("aggregate_feature", "t:first",
                        "\"features\": [\"t:flower\", \"t:crate\"], \"early_out\": \"first_success\"")),
                Map.entry("features/tower.json", feature("sequence_feature", "t:tower",
                        "\"features\": [\"t:snap\", \"t:crate\"]")),
                Map.entry("features/house.json", feature("structure_template_feature", "t:house",
                        "\"structure_name\": \"t:house\"")),
                Map.entry("features/snap.json", feature("snap_to_surface_feature", "t:snap",
                        "\"feature_to_snap\": \"t:flower\", \"vertical_search_range\": 20")),
                Map.entry("features/loop.json", feature("aggregate_feature", "t:loop",
                        "\"features\": [\"t:loop\"]")),
                Map.entry("features/tree.json", feature("tree_feature", "t:tree", "\"base_block\": \"minecraft:oak_log\""))));
        assertEquals(List.of(), pack.failures());
        DefinitionLookup lookup = TestPack.lookup(pack);
        var services = new PackWorld(TestPack.MOLANG, entity -> TestPack.MOLANG.newContext(entity,
                TestPack.MOLANG.newVariables()), new SplittableRandom(11), () -> Environment.DEFAULTS,
                new LootRoller(lookup), lookup, null, null);
        placer = new FeaturePlacer(services, id -> Optional.empty());
    }

    private FeaturePlacer.Result place(String id, int x, int y, int z) {
        FeatureDefinition feature = pack.find(DefinitionKind.FEATURE, id, FeatureDefinition.class).orElseThrow();
        return placer.place("test-pack", feature, world, new BlockPos(x, y, z));
    }

    @Test
    void aSingleBlockGoesWhereMayReplaceAllows() {
        assertTrue(place("t:flower", 0, 5, 0).success());
        assertEquals(BlockState.of("minecraft:poppy"), world.block(new BlockPos(0, 5, 0)));
        assertFalse(place("t:flower", 0, 4, 0).success(), "grass is not air");
        assertTrue(place("t:crate", 1, 4, 1).success(), "without may_replace, any block may be replaced");
        assertEquals("minecraft:barrel[facing_direction=1]", world.block(new BlockPos(1, 4, 1)).toString());
    }

    @Test
    void anOreVeinReplacesOnlyWhatItsRulesAllow() {
        var result = place("t:ore", 10, 2, 10);
        assertTrue(result.success());
        assertTrue(result.placement().blocks().size() >= 1 && result.placement().blocks().size() <= 8,
                result.placement().counts());
        assertTrue(world.changed().keySet().stream().allMatch(pos -> pos.y() >= 0 && pos.y() < 4),
                "stone only: " + world.changed());
        assertFalse(place("t:ore", 10, 30, 10).success(), "nothing to replace in the air");
    }

    @Test
    void aScatterPlacesItsFeatureAtMolangAndDistributedOffsets() {
        var result = place("t:meadow", 0, 0, 0);
        assertTrue(result.success(), result.placement().notes().toString());
        assertEquals(6, result.placement().blocks().size(), result.placement().blocks().toString());
        for (var block : result.placement().blocks()) {
            BlockPos pos = block.getKey();
            assertEquals(5, pos.y(), "q.heightmap put each flower on the grass: " + pos);
            assertTrue(pos.x() >= 0 && pos.x() <= 7, pos.toString());
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), result.placement().blocks().stream().map(b -> b.getKey().z())
                .toList(), "a fixed grid steps along z once per iteration");
        var never = place("t:never", 0, 0, 0);
        assertFalse(never.success());
        assertTrue(never.placement().notes().getFirst().contains("scatter_chance (0%) failed"), never.placement()
                .notes().toString());
    }

    @Test
    void theDistributionObjectOfNewerFormatsAndAProjectionToTheFloor() {
        var result = place("t:grid", 20, 40, 20);
        assertEquals(9, result.placement().blocks().size(), result.placement().notes().toString());
        assertTrue(result.placement().blocks().stream().allMatch(b -> b.getKey().y() == 5));
        assertEquals(9, result.placement().blocks().stream().map(b -> b.getKey().x() * 10 + b.getKey().z())
                .distinct().count(), "a 3 by 3 grid");
    }

    @Test
    void aggregatesPlaceAllOrStopAtTheFirstSuccess() {
        assertEquals(2, place("t:both", 2, 5, 2).placement().blocks().size());
        assertEquals(1, place("t:first", 3, 5, 3).placement().blocks().size());
    }

    @Test
    void aSequenceStartsEachFeatureWhereTheLastEnded() {
        var result = place("t:tower", 5, 20, 5);
        assertTrue(result.success(), result.placement().notes().toString());
        assertEquals("minecraft:barrel[facing_direction=1]", world.block(new BlockPos(5, 5, 5)).toString(),
                "the crate went where the snapped flower ended, not at y 20");
        assertEquals(BlockState.AIR, world.block(new BlockPos(5, 20, 5)));
    }

    @Test
    void aStructureTemplateIsAPlaceholderWithAWarning() {
        var result = place("t:house", 7, 5, 7);
        assertTrue(result.success());
        assertEquals(FeaturePlacer.PLACEHOLDER, world.block(new BlockPos(7, 5, 7)));
        assertTrue(result.placement().notes().getFirst().startsWith("warning: t:house places the structure 't:house'"),
                result.placement().notes().toString());
    }

    @Test
    void snapToSurfaceMovesTheInputDownToTheFloor() {
        assertTrue(place("t:snap", 8, 20, 8).success());
        assertEquals(BlockState.of("minecraft:poppy"), world.block(new BlockPos(8, 5, 8)));
    }

    @Test
    void aFeatureThatContainsItselfStopsAtTheDepthLimitAndKindsKeptAsDataFail() {
        var loop = place("t:loop", 0, 5, 0);
        assertFalse(loop.success());
        assertTrue(loop.placement().notes().getFirst().contains("nested deeper than " + FeaturePlacer.MAX_DEPTH),
                loop.placement().notes().toString());
        var tree = place("t:tree", 0, 5, 0);
        assertFalse(tree.success());
        assertEquals(List.of("t:tree is a tree_feature, which Plinth keeps as data and does not place"),
                tree.placement().notes());
    }
}

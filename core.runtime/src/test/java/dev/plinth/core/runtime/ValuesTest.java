package dev.plinth.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.form.CustomForm;
import dev.plinth.core.runtime.form.FormElement;
import dev.plinth.core.runtime.form.SimpleForm;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The API's values: validation, normalization and text forms. */
class ValuesTest {

    @Nested
    class Identifiers {
        @Test
        void aBareNameIsInTheMinecraftNamespace() {
            assertEquals("minecraft:stone", Identifier.normalize("stone"));
            assertEquals("myplugin:ruby", Identifier.normalize("myplugin:ruby"));
        }

        @Test
        void upperCaseAndSpacesAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> Identifier.parse("Stone"));
            assertThrows(IllegalArgumentException.class, () -> Identifier.parse("my plugin:x"));
        }
    }

    @Nested
    class Blocks {
        @Test
        void aBlockStateRoundTripsThroughItsText() {
            var stairs = BlockState.parse("oak_stairs[half=top,facing=north]");
            assertEquals("minecraft:oak_stairs[facing=north,half=top]", stairs.toString());
            assertEquals(stairs, BlockState.parse(stairs.toString()));
            assertTrue(BlockState.parse("air").isAir());
        }

        @Test
        void malformedPropertiesAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> BlockState.parse("stone[facing"));
            assertThrows(IllegalArgumentException.class, () -> BlockState.parse("stone[facing]"));
        }

        @Test
        void blockPositionsKnowTheirChunk() {
            assertEquals(new ChunkPos(0, 0), new BlockPos(15, 70, 0).chunk());
            assertEquals(new ChunkPos(-1, -2), new BlockPos(-1, 0, -17).chunk());
            assertEquals(new BlockPos(-1, 4, 2), new Position(-0.5, 4.9, 2.1).blockPos());
        }

        @Test
        void positionsPrintShortAndRefuseNaN() {
            assertEquals("(0.5, 4, -3.25)", new Position(0.5, 4, -3.25).toString());
            assertThrows(IllegalArgumentException.class, () -> new Position(Double.NaN, 0, 0));
            assertEquals(Map.of("x", 1.0, "y", 2.0, "z", 3.0), new Position(1, 2, 3).asMap());
        }

        @Test
        void dimensionsAreFoundByTheirScriptName() {
            assertEquals(Optional.of(Dimension.THE_END), Dimension.byId("end"));
            assertEquals(Optional.of(Dimension.NETHER), Dimension.byId("Nether"));
            assertTrue(Dimension.byId("moon").isEmpty());
        }
    }

    @Nested
    class Items {
        @Test
        void aStackHoldsOneToSixtyFourItems() {
            assertEquals("minecraft:bread x16", new ItemStack("bread", 16).toString());
            assertThrows(IllegalArgumentException.class, () -> new ItemStack("bread", 0));
            assertThrows(IllegalArgumentException.class, () -> new ItemStack("bread", 65));
        }

        @Test
        void anEffectNeedsADurationAndAnAmplifierInRange() {
            assertEquals("minecraft:speed", new Effect("speed", 20, 1).type());
            assertThrows(IllegalArgumentException.class, () -> new Effect("speed", 0, 0));
            assertThrows(IllegalArgumentException.class, () -> new Effect("speed", 10, 256));
        }
    }

    @Nested
    class Commands {
        @Test
        void aDefinitionGetsItsUsageAndCopiesItsAliases() {
            var command = CommandDefinition.of("warp", (sender, args) -> {}).withAliases("w", "go");
            assertEquals("/warp", command.usage());
            assertEquals(List.of("w", "go"), command.aliases());
            assertEquals(Optional.of("warps.command.warp"), command.withPermission("warps.command.warp").permission());
        }

        @Test
        void aMalformedNameOrAliasIsRefused() {
            assertThrows(CommandException.class, () -> CommandDefinition.of("Warp", (s, a) -> {}));
            assertThrows(CommandException.class, () -> CommandDefinition.of("warp", (s, a) -> {}).withAliases("w p"));
        }
    }

    @Nested
    class Forms {
        @Test
        void formsAreImmutableValuesBuiltStepByStep() {
            var empty = SimpleForm.of("Menu", "Choose:");
            var menu = empty.withButton("A").withButton("B");
            assertTrue(empty.buttons().isEmpty());
            assertEquals(List.of("A", "B"), menu.buttons());
            var custom = CustomForm.of("Settings").withInput("Name", "Steve").withToggle("PvP", false)
                    .withSlider("Volume", 0, 10).withDropdown("Team", List.of("red", "blue")).withLabel("Thanks");
            assertEquals(5, custom.elements().size());
        }

        @Test
        void elementsCheckTheirRanges() {
            assertThrows(IllegalArgumentException.class, () -> new FormElement.Slider("v", 5, 1, 1, 3));
            assertThrows(IllegalArgumentException.class, () -> new FormElement.Dropdown("d", List.of("a"), 1));
            assertFalse(new dev.plinth.core.runtime.form.FormResponse.TimedOut().answered());
        }
    }
}

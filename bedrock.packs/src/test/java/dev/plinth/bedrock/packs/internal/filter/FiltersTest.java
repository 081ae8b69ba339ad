package dev.plinth.bedrock.packs.internal.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.packs.internal.definition.Reading;
import dev.plinth.bedrock.packs.internal.json.Json;
import dev.plinth.bedrock.packs.internal.json.PackJson;
import dev.plinth.bedrock.packs.internal.testing.FlatWorld;
import dev.plinth.bedrock.packs.internal.testing.Mob;
import dev.plinth.bedrock.packs.internal.testing.TestPack;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bedrock filters evaluated the way entity events, sensors and spawn rules evaluate them. */
class FiltersTest {

    private final FlatWorld world = new FlatWorld();
    private final Reading reading = Reading.of("test-pack", TestPack.MOLANG.scope("filters", TestPack.MOLANG.queries()));
    private final Guard self = new Guard(new Mob(1, "custom:guard", world, new Position(0.5, 5, 0.5)),
            Set.of("guard", "mob"), Set.of("minecraft:is_baby"), Map.of("custom:alert", 2.0, "custom:mood", "angry",
                    "custom:armed", true));
    private Optional<FilterSubject> other = Optional.empty();
    private Environment environment = Environment.DEFAULTS;

    /** A pack entity as filters see it, its state given. */
    private record Guard(Entity entity, Set<String> families, Set<String> components, Map<String, Object> properties)
            implements FilterSubject {
        @Override
        public boolean hasComponent(String name) {
            return components.contains(name);
        }

        @Override
        public int intComponent(String component) {
            return component.equals("minecraft:variant") ? 3 : 0;
        }

        @Override
        public Optional<Object> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        @Override
        public boolean hasEquipment(String slot, String item) {
            return item.equals("minecraft:iron_sword") && (slot.equals("hand") || slot.equals("any"));
        }
    }

    private boolean test(String json) {
        Filter filter = FilterReader.read(Json.root(PackJson.parse(json.getBytes(StandardCharsets.UTF_8))), reading);
        MolangContext molang = TestPack.MOLANG.newContext(self.entity(), TestPack.MOLANG.newVariables());
        return Filters.test(filter, new FilterScene() {
            @Override
            public Optional<FilterSubject> subject(String name) {
                return name.equals("self") ? Optional.of(self) : other;
            }

            @Override
            public World world() {
                return world;
            }

            @Override
            public Position position() {
                return self.entity().position();
            }

            @Override
            public RandomGenerator random() {
                return new SplittableRandom(5);
            }

            @Override
            public MolangContext molang() {
                return molang;
            }

            @Override
            public Environment environment() {
                return environment;
            }
        });
    }

    @Nested
    class Subjects {
        @Test
        void familiesComponentsAndVariantsOfSelf() {
            assertTrue(test("{ \"test\": \"is_family\", \"value\": \"guard\" }"));
            assertFalse(test("{ \"test\": \"is_family\", \"value\": \"monster\" }"));
            assertTrue(test("{ \"test\": \"is_family\", \"operator\": \"not\", \"value\": \"monster\" }"));
            assertTrue(test("{ \"test\": \"has_component\", \"value\": \"minecraft:is_baby\" }"));
            assertTrue(test("{ \"test\": \"is_baby\" }"), "a test without value means true");
            assertTrue(test("{ \"test\": \"is_variant\", \"operator\": \">=\", \"value\": 3 }"));
            assertTrue(test("{ \"test\": \"has_equipment\", \"domain\": \"hand\", \"value\": \"iron_sword\" }"));
        }

        @Test
        void aTestOfAMissingSubjectFails() {
            assertFalse(test("{ \"test\": \"is_family\", \"subject\": \"other\", \"value\": \"player\" }"));
            other = Optional.of(FilterSubject.of(new Mob(2, "minecraft:player", world, new Position(3, 5, 3))));
            assertTrue(test("{ \"test\": \"is_family\", \"subject\": \"other\", \"value\": \"player\" }"));
        }

        @Test
        void theOlderShorthandOfMojangsOwnPacksReadsAsFamilyTests() {
            other = Optional.of(FilterSubject.of(new Mob(2, "minecraft:lightning_bolt", world, new Position(3, 5, 3))));
            assertTrue(test("{ \"other_with_families\": \"lightning_bolt\" }"));
            assertFalse(test("{ \"other_with_families\": [\"zombie\", \"skeleton\"] }"));
            assertTrue(test("{ \"self_with_families\": [\"zombie\", \"guard\"] }"));
            assertFalse(test("{ \"mystery_key\": 1 }"), "an unknown key never passes");
            assertEquals(1, reading.kept().get("filter key mystery_key"));
        }
    }

    @Nested
    class Properties {
        @Test
        void propertiesCompareAsWrittenOrAsMolang() {
            assertTrue(test("{ \"test\": \"int_property\", \"domain\": \"custom:alert\", \"value\": 2 }"));
            assertTrue(test("{ \"test\": \"int_property\", \"domain\": \"custom:alert\", \"operator\": \"<\", "
                    + "\"value\": \"math.max(3, 1)\" }"));
            assertTrue(test("{ \"test\": \"enum_property\", \"domain\": \"custom:mood\", \"value\": \"angry\" }"));
            assertTrue(test("{ \"test\": \"bool_property\", \"domain\": \"custom:armed\" }"));
            assertFalse(test("{ \"test\": \"int_property\", \"domain\": \"custom:none\", \"value\": 0 }"));
        }
    }

    @Nested
    class Surroundings {
        @Test
        void dayNightBiomeAndDifficulty() {
            world.setTime(1000);
            assertTrue(test("{ \"test\": \"is_daytime\", \"value\": true }"));
            world.setTime(14000);
            assertTrue(test("{ \"test\": \"is_daytime\", \"value\": false }"));
            assertTrue(test("{ \"test\": \"has_biome_tag\", \"value\": \"overworld\" }"));
            assertFalse(test("{ \"test\": \"has_biome_tag\", \"value\": \"nether\" }"));
            assertTrue(test("{ \"test\": \"is_difficulty\", \"value\": \"normal\" }"));
            environment = new Environment("hard", Environment.DEFAULTS.biomes());
            assertTrue(test("{ \"test\": \"is_difficulty\", \"operator\": \">\", \"value\": \"normal\" }"));
            assertTrue(test("{ \"test\": \"actor_health\", \"value\": 20 }"));
        }

        @Test
        void aTestPlinthDoesNotSimulateNeverPassesAndIsNoted() {
            assertFalse(test("{ \"test\": \"is_riding_something_odd\" }"));
            assertEquals(1, reading.kept().get("filter test is_riding_something_odd"));
        }
    }

    @Test
    void groupsCombineAsAllAnyAndNone() {
        assertTrue(test("""
                { "all_of": [ { "test": "is_family", "value": "guard" },
                              { "any_of": [ { "test": "is_family", "value": "zombie" }, { "test": "is_baby" } ] },
                              { "none_of": [ { "test": "is_family", "value": "monster" } ] } ] }
                """));
        assertFalse(test("""
                { "any_of": [ { "test": "is_family", "value": "zombie" }, { "test": "is_family", "value": "monster" } ] }
                """));
        assertTrue(test("[ { \"test\": \"is_family\", \"value\": \"guard\" }, { \"test\": \"is_baby\" } ]"),
                "an array means all of it");
        assertTrue(test("{}"), "an empty filter passes");
    }
}

package dev.plinth.bedrock.packs.internal.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.filter.Environment;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.loot.LootRoller;
import dev.plinth.bedrock.packs.internal.testing.FlatWorld;
import dev.plinth.bedrock.packs.internal.testing.Mob;
import dev.plinth.bedrock.packs.internal.testing.TestPack;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.content.EntityDrops;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.world.Position;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/**
 * A pack entity's component groups, events, properties, timers and sensors, as Bedrock runs them: the events add and
 * remove groups (whose components then apply), {@code sequence} steps with their own filters, {@code randomize},
 * {@code set_property} in Molang, {@code trigger}; a timer fires its event; a damage sensor decides what hurts.
 */
class EntityEventsTest {

    private static final String KNIGHT = """
            { "format_version": "1.20.0", "minecraft:entity": {
              "description": { "identifier": "test:knight", "is_spawnable": true, "is_summonable": true,
                "properties": {
                  "test:rank": { "type": "int", "range": [0, 5], "default": 1 },
                  "test:mood": { "type": "enum", "values": ["calm", "angry"], "default": "calm" } } },
              "component_groups": {
                "armored": { "minecraft:health": { "value": 40, "max": 40 }, "minecraft:variant": { "value": 2 } },
                "baby": { "minecraft:is_baby": {}, "minecraft:scale": { "value": 0.5 } },
                "red": { "minecraft:mark_variant": { "value": 1 } },
                "blue": { "minecraft:mark_variant": { "value": 2 } },
                "ticking": { "minecraft:timer": { "looping": false, "time": 1,
                                                  "time_down_event": { "event": "test:rang" } } } },
              "components": {
                "minecraft:health": { "value": 20, "max": 20 },
                "minecraft:type_family": { "family": ["knight", "mob"] },
                "minecraft:loot": { "table": "loot_tables/knight.json" },
                "minecraft:experience_reward": { "on_death": "q.property('test:rank') * 5" },
                "minecraft:damage_sensor": { "triggers": [
                  { "cause": "fall", "deals_damage": false },
                  { "on_damage": { "filters": { "test": "has_damage", "value": "fire" }, "event": "test:enrage" } } ] } },
              "events": {
                "minecraft:entity_spawned": { "add": { "component_groups": ["baby"] } },
                "test:arm": { "sequence": [
                  { "filters": { "test": "is_family", "value": "knight" }, "add": { "component_groups": ["armored"] } },
                  { "filters": { "test": "is_family", "value": "zombie" }, "add": { "component_groups": ["red"] } },
                  { "set_property": { "test:rank": "q.property('test:rank') + 2" } } ] },
                "test:grow": { "remove": { "component_groups": ["baby"] } },
                "test:paint": { "randomize": [
                  { "weight": 1, "add": { "component_groups": ["red"] } },
                  { "weight": 1, "add": { "component_groups": ["blue"] } } ] },
                "test:enrage": { "set_property": { "test:mood": "angry" } },
                "test:start_timer": { "add": { "component_groups": ["ticking"] } },
                "test:rang": { "trigger": "test:enrage" },
                "test:loop": { "trigger": "test:loop" } } } }
            """;

    @TempDir
    Path folder;

    private final FlatWorld world = new FlatWorld();
    private final List<String> warnings = new ArrayList<>();
    private LoadedPack pack;
    private PackEntityType type;

    @BeforeEach
    void loadTheKnight() {
        pack = TestPack.load(folder, Map.of("entities/knight.json", KNIGHT, "loot_tables/knight.json", """
                { "pools": [ { "rolls": 1, "entries": [ { "type": "item", "name": "minecraft:iron_sword" } ] } ] }
                """));
        assertEquals(List.of(), pack.failures());
        type = new PackEntityType("test-pack", pack.find(DefinitionKind.ENTITY, "test:knight",
                EntityDefinition.class).orElseThrow(), services(1));
    }

    private PackWorld services(long seed) {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn")) {
                        warnings.add(String.valueOf(args[0]));
                    }
                    return null;
                });
        return new PackWorld(TestPack.MOLANG, entity -> TestPack.MOLANG.newContext(entity,
                TestPack.MOLANG.newVariables()), new SplittableRandom(seed), () -> Environment.DEFAULTS,
                new LootRoller(TestPack.lookup(pack)), TestPack.lookup(pack), null, log);
    }

    private PackEntity spawn(PackEntityType of) {
        var mob = new Mob(world.entities().size() + 1, "test:knight", world, new Position(0.5, 5, 0.5));
        var entity = (PackEntity) of.create(mob, SpawnReason.COMMAND);
        mob.control(entity);
        entity.spawned();
        return entity;
    }

    @Test
    void entitySpawnedAddsItsGroupsAndTheirComponentsApply() {
        PackEntity knight = spawn(type);
        assertEquals(Set.of("baby"), knight.groups());
        assertTrue(knight.hasComponent("minecraft:is_baby"));
        assertEquals(0.5, knight.scale());
        assertEquals(20, knight.entity().maxHealth());
        assertEquals(Optional.of(1.0), knight.property("test:rank"));
        assertEquals(Optional.of("calm"), knight.property("test:mood"));
    }

    @Test
    void aSequenceRunsEachStepWhoseFiltersPassAndPropertiesTakeMolang() {
        PackEntity knight = spawn(type);
        assertTrue(knight.runEvent("test:arm", Optional.empty()));
        assertEquals(Set.of("baby", "armored"), knight.groups());
        assertEquals(40, knight.entity().maxHealth(), "the group's minecraft:health applies");
        assertEquals(2, knight.intComponent("minecraft:variant"));
        assertEquals(0, knight.intComponent("minecraft:mark_variant"), "the zombie step's filter failed");
        assertEquals(Optional.of(3.0), knight.property("test:rank"));

        knight.runEvent("test:grow", Optional.empty());
        assertFalse(knight.hasComponent("minecraft:is_baby"));
        assertEquals(1.0, knight.scale());
        assertFalse(knight.runEvent("test:nothing", Optional.empty()), "an event the entity does not have");
    }

    @Test
    void randomizePicksOneBranchFromTheSeededSource() {
        var marks = new HashSet<Integer>();
        for (long seed = 0; seed < 20; seed++) {
            PackEntity knight = spawn(new PackEntityType("test-pack", type.definition(), services(seed)));
            knight.runEvent("test:paint", Optional.empty());
            marks.add(knight.intComponent("minecraft:mark_variant"));
            assertTrue(knight.groups().contains("red") != knight.groups().contains("blue"), knight.groups()
                    .toString());
        }
        assertEquals(Set.of(1, 2), marks, "both branches come up");
        PackEntity first = spawn(new PackEntityType("test-pack", type.definition(), services(7)));
        PackEntity again = spawn(new PackEntityType("test-pack", type.definition(), services(7)));
        first.runEvent("test:paint", Optional.empty());
        again.runEvent("test:paint", Optional.empty());
        assertEquals(first.groups(), again.groups(), "the same seed, the same pick");
    }

    @Test
    void aTimerFiresItsEventWhichTriggersAnother() {
        PackEntity knight = spawn(type);
        knight.runEvent("test:start_timer", Optional.empty());
        for (long tick = 1; tick < 20; tick++) {
            knight.tick(tick);
        }
        assertEquals(Optional.of("calm"), knight.property("test:mood"));
        knight.tick(20);
        assertEquals(Optional.of("angry"), knight.property("test:mood"), "1 s = 20 ticks, then test:rang");
    }

    @Test
    void theDamageSensorDecidesWhatHurtsAndCanRunAnEvent() {
        PackEntity knight = spawn(type);
        assertEquals(0, knight.hurt(5, DamageCause.FALL, Optional.empty()), "immune to falls");
        assertEquals(Optional.of("calm"), knight.property("test:mood"));
        assertEquals(5, knight.hurt(5, DamageCause.FIRE, Optional.empty()));
        assertEquals(Optional.of("angry"), knight.property("test:mood"));
    }

    @Test
    void deathRollsTheLootAndTheExperienceInMolang() {
        PackEntity knight = spawn(type);
        knight.runEvent("test:arm", Optional.empty());
        EntityDrops drops = knight.death(DamageCause.ENTITY_ATTACK, Optional.empty());
        assertEquals(15, drops.xp(), "q.property('test:rank') * 5 with rank 3");
        assertEquals("[minecraft:iron_sword x1]", drops.items().toString());
    }

    @Test
    void anEventThatTriggersItselfStopsAtTheDepthLimit() {
        PackEntity knight = spawn(type);
        assertTrue(knight.runEvent("test:loop", Optional.empty()));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains("nested deeper than"), warnings.toString());
    }
}

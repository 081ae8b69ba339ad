package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.filter.Filter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One component of an entity definition: the ones the simulated world gives an effect, read into records, and
 * every other one kept as written ({@link Kept}).
 */
public sealed interface EntityComponent {

    /** {@return the component's name: {@code minecraft:health}} */
    String name();

    /**
     * {@code minecraft:health}: the health at spawn and the maximum.
     *
     * @param value the health at spawn
     * @param max the maximum, the value's when absent
     */
    record Health(Amount value, Optional<Amount> max) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:health";
        }
    }

    /**
     * {@code minecraft:movement}: the speed, in blocks per tick.
     *
     * @param value the speed
     */
    record Movement(Amount value) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:movement";
        }
    }

    /**
     * {@code minecraft:collision_box}.
     *
     * @param width its width in blocks
     * @param height its height in blocks
     */
    record CollisionBox(double width, double height) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:collision_box";
        }
    }

    /**
     * {@code minecraft:loot}: what it drops when it dies.
     *
     * @param table the loot table's path ({@code loot_tables/entities/guard.json})
     */
    record Loot(String table) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:loot";
        }
    }

    /**
     * {@code minecraft:experience_reward}.
     *
     * @param onDeath the experience it leaves when it dies (Molang)
     */
    record ExperienceReward(Optional<MolangExpression> onDeath) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:experience_reward";
        }
    }

    /**
     * {@code minecraft:equipment}: what it wears, rolled from a loot table when it spawns.
     *
     * @param table the loot table's path, empty when it wears nothing at spawn (only drop chances are given)
     * @param dropChances the chance (0 to 1) each slot's item drops at death, by slot name
     */
    record Equipment(String table, java.util.Map<String, Double> dropChances) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:equipment";
        }
    }

    /**
     * {@code minecraft:type_family}.
     *
     * @param families its families
     */
    record TypeFamily(Set<String> families) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:type_family";
        }
    }

    /**
     * An integer component: {@code minecraft:variant}, {@code minecraft:mark_variant}, {@code minecraft:skin_id}.
     *
     * @param name the component
     * @param value its value
     */
    record IntValue(String name, int value) implements EntityComponent {}

    /**
     * {@code minecraft:scale}: the size, which scales the collision box.
     *
     * @param value the factor
     */
    record Scale(double value) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:scale";
        }
    }

    /**
     * {@code minecraft:timer}: an event after a time, once or again and again.
     *
     * @param looping whether it starts over
     * @param seconds how long (a range picks each time)
     * @param event the event it triggers
     */
    record Timer(boolean looping, Amount seconds, EventCall event) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:timer";
        }
    }

    /**
     * {@code minecraft:environment_sensor}: events triggered while filters hold, checked every tick.
     *
     * @param triggers the filter and event pairs
     */
    record EnvironmentSensor(List<SensorTrigger> triggers) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:environment_sensor";
        }
    }

    /**
     * {@code minecraft:damage_sensor}: how damage affects it.
     *
     * @param triggers the triggers, first matching wins
     */
    record DamageSensor(List<DamageTrigger> triggers) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:damage_sensor";
        }
    }

    /**
     * {@code minecraft:ageable}: a baby grows up after a time.
     *
     * @param seconds how long it stays a baby
     * @param growUp the event when it grows up
     */
    record Ageable(double seconds, Optional<EventCall> growUp) implements EntityComponent {
        @Override
        public String name() {
            return "minecraft:ageable";
        }
    }

    /**
     * {@code minecraft:trade_table} or {@code minecraft:economy_trade_table}.
     *
     * @param name which of the two
     * @param table the trade table's path, empty when it names none
     * @param displayName the trader's name shown, may be empty
     */
    record TradeTable(String name, String table, String displayName) implements EntityComponent {}

    /**
     * {@code minecraft:behavior.random_stroll} (and the other wandering goals): it walks about.
     *
     * @param name the goal
     * @param speedMultiplier times the movement speed
     */
    record Stroll(String name, double speedMultiplier) implements EntityComponent {}

    /**
     * A component the simulated world has no effect for but keeps: flags such as {@code minecraft:is_baby} (which
     * filters and queries read), and everything else, as written.
     *
     * @param name the component
     * @param value its JSON
     */
    record Kept(String name, JsonNode value) implements EntityComponent {}

    /**
     * An event an entity component triggers.
     *
     * @param event the event's name
     * @param target whom it runs on ({@code self})
     * @param filters when it runs
     */
    record EventCall(String event, String target, Filter filters) {}

    /**
     * One trigger of an environment sensor.
     *
     * @param filters when
     * @param event what
     */
    record SensorTrigger(Filter filters, EventCall event) {}

    /**
     * One trigger of a damage sensor.
     *
     * @param filters on which damage ({@code on_damage.filters})
     * @param cause which cause ({@code all} for any)
     * @param dealsDamage whether the damage is dealt
     * @param multiplier times the damage
     * @param event the event it triggers, if any
     */
    record DamageTrigger(Filter filters, String cause, boolean dealsDamage, double multiplier,
            Optional<EventCall> event) {}
}

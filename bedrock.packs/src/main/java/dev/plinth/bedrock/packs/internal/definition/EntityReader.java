package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.packs.internal.definition.EntityComponent.EventCall;
import dev.plinth.bedrock.packs.internal.definition.EntityEvent.PropertyValue;
import dev.plinth.bedrock.packs.internal.filter.Filter;
import dev.plinth.bedrock.packs.internal.filter.FilterReader;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code entities/*.json}: one {@code minecraft:entity} per file. */
public final class EntityReader {

    /** The components that only mark a state, which queries and filters read ({@code q.is_baby}). */
    public static final Set<String> FLAGS = Set.of("minecraft:is_baby", "minecraft:is_sheared", "minecraft:is_tamed",
            "minecraft:is_saddled", "minecraft:is_charged", "minecraft:is_chested", "minecraft:is_stunned",
            "minecraft:is_ignited", "minecraft:is_illager_captain", "minecraft:is_dyeable",
            "minecraft:is_hidden_when_invisible", "minecraft:is_collidable");

    private static final Set<String> STROLLS = Set.of("minecraft:behavior.random_stroll",
            "minecraft:behavior.random_swim", "minecraft:behavior.random_fly", "minecraft:behavior.random_hover",
            "minecraft:behavior.random_stroll_towards_village");

    private EntityReader() {}

    /**
     * Reads one entity file.
     *
     * @param root the file's top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the definition
     * @throws dev.plinth.bedrock.packs.internal.json.JsonProblem when the file is malformed
     */
    public static EntityDefinition read(Json root, Source source, Reading reading) {
        Json entity = root.get("minecraft:entity");
        if (!entity.isObject()) {
            throw entity.present() ? entity.problem("expected an object") : root.problem(
                    "an entity file holds a minecraft:entity object");
        }
        Json description = entity.get("description");
        String id = reading.identifier(description.get("identifier"), "entity");
        var properties = new LinkedHashMap<String, PropertyDefinition>();
        description.get("properties").fields().forEach((name, value) -> properties.put(name,
                property(name, value, reading)));
        var components = components(entity.get("components"), reading);
        var groups = new LinkedHashMap<String, Map<String, EntityComponent>>();
        entity.get("component_groups").fields().forEach((name, group) -> groups.put(name, components(group, reading)));
        var events = new LinkedHashMap<String, EntityEvent>();
        entity.get("events").fields().forEach((name, event) -> events.put(name, event(event, reading)));
        return new EntityDefinition(id, source, root.node(), description.get("is_spawnable").bool(true),
                description.get("is_summonable").bool(true), properties, scripts(description, reading), components,
                groups, events);
    }

    private static EntityDefinition.Scripts scripts(Json description, Reading reading) {
        Json scripts = description.get("scripts");
        if (!scripts.present()) {
            return EntityDefinition.Scripts.NONE;
        }
        var animate = new ArrayList<EntityDefinition.Scripts.Animate>();
        for (Json entry : scripts.get("animate").elements()) {
            if (entry.isText()) {
                animate.add(new EntityDefinition.Scripts.Animate(entry.text(), Optional.empty()));
            } else {
                entry.fields().forEach((name, condition) -> animate.add(
                        new EntityDefinition.Scripts.Animate(name, Optional.of(reading.expression(condition)))));
            }
        }
        var animations = new LinkedHashMap<String, String>();
        description.get("animations").fields().forEach((name, value) -> animations.put(name, value.text()));
        return new EntityDefinition.Scripts(
                scripts.get("initialize").present() ? Optional.of(reading.program(scripts.get("initialize")))
                        : Optional.empty(),
                scripts.get("pre_animation").present() ? Optional.of(reading.program(scripts.get("pre_animation")))
                        : Optional.empty(),
                animate, animations);
    }

    private static PropertyDefinition property(String name, Json value, Reading reading) {
        String typeName = value.get("type").text();
        PropertyDefinition.Type type = switch (typeName) {
            case "bool" -> PropertyDefinition.Type.BOOL;
            case "int" -> PropertyDefinition.Type.INT;
            case "float" -> PropertyDefinition.Type.FLOAT;
            case "enum" -> PropertyDefinition.Type.ENUM;
            default -> throw value.get("type").problem("a property's type is bool, int, float or enum, not '"
                    + typeName + "'");
        };
        List<String> values = type == PropertyDefinition.Type.ENUM ? value.get("values").texts() : List.of();
        if (type == PropertyDefinition.Type.ENUM && values.isEmpty()) {
            throw value.get("values").problem("an enum property lists its values");
        }
        double min = 0;
        double max = type == PropertyDefinition.Type.BOOL ? 1 : Math.max(0, values.size() - 1);
        Json range = value.get("range");
        if (type == PropertyDefinition.Type.INT || type == PropertyDefinition.Type.FLOAT) {
            if (range.elements().size() != 2) {
                throw range.problem("an " + typeName + " property has a range [min, max]");
            }
            min = range.elements().get(0).number();
            max = range.elements().get(1).number();
        }
        Json defaultJson = value.get("default");
        if (!defaultJson.present()) {
            throw value.problem("property " + name + " has no default");
        }
        if (type == PropertyDefinition.Type.ENUM && defaultJson.isText() && values.contains(defaultJson.text())) {
            return new PropertyDefinition(name, type, min, max, values, Optional.empty(),
                    Optional.of(defaultJson.text()));
        }
        return new PropertyDefinition(name, type, min, max, values, Optional.of(reading.expression(defaultJson)),
                Optional.empty());
    }

    /**
     * Reads a set of components.
     *
     * @param components the object of components
     * @param reading the pack being read
     * @return name to component, in file order
     */
    static Map<String, EntityComponent> components(Json components, Reading reading) {
        var read = new LinkedHashMap<String, EntityComponent>();
        components.fields().forEach((name, value) -> read.put(name, component(name, value, reading)));
        return read;
    }

    private static EntityComponent component(String name, Json value, Reading reading) {
        return switch (name) {
            case "minecraft:health" -> new EntityComponent.Health(
                    value.get("value").present() ? Amount.read(value.get("value"), reading)
                            : new Amount.Constant(value.get("max").number(20)),
                    value.get("max").present() ? Optional.of(Amount.read(value.get("max"), reading)) : Optional.empty());
            case "minecraft:movement" -> new EntityComponent.Movement(Amount.read(value.get("value"), reading));
            case "minecraft:collision_box" -> new EntityComponent.CollisionBox(value.get("width").number(1),
                    value.get("height").number(1));
            case "minecraft:loot" -> new EntityComponent.Loot(value.get("table").text());
            case "minecraft:experience_reward" -> new EntityComponent.ExperienceReward(
                    value.get("on_death").present() ? Optional.of(reading.expression(value.get("on_death")))
                            : Optional.empty());
            case "minecraft:equipment" -> equipment(value);
            case "minecraft:type_family" -> new EntityComponent.TypeFamily(
                    new LinkedHashSet<>(value.get("family").texts()));
            case "minecraft:variant", "minecraft:mark_variant", "minecraft:skin_id" ->
                    new EntityComponent.IntValue(name, (int) value.get("value").number(0));
            case "minecraft:scale" -> new EntityComponent.Scale(value.get("value").number(1));
            case "minecraft:timer" -> new EntityComponent.Timer(value.get("looping").bool(true),
                    value.get("time").present() ? Amount.read(value.get("time"), reading) : new Amount.Constant(0),
                    call(value.get("time_down_event"), reading)
                            .orElseThrow(() -> value.problem("a timer needs a time_down_event")));
            case "minecraft:environment_sensor" -> new EntityComponent.EnvironmentSensor(
                    value.get("triggers").elements().stream()
                            .map(t -> new EntityComponent.SensorTrigger(FilterReader.read(t.get("filters"), reading),
                                    call(t, reading).orElseThrow(() -> t.problem("a trigger names an event"))))
                            .toList());
            case "minecraft:damage_sensor" -> new EntityComponent.DamageSensor(
                    value.get("triggers").elements().stream().map(t -> damageTrigger(t, reading)).toList());
            case "minecraft:ageable" -> new EntityComponent.Ageable(value.get("duration").number(1200),
                    call(value.get("grow_up"), reading));
            case "minecraft:trade_table", "minecraft:economy_trade_table" -> new EntityComponent.TradeTable(name,
                    value.get("table").optionalText().orElse(""), value.get("display_name").optionalText().orElse(""));
            default -> {
                if (STROLLS.contains(name)) {
                    yield new EntityComponent.Stroll(name, value.get("speed_multiplier").number(1));
                }
                if (!FLAGS.contains(name)) {
                    reading.keep("component " + name);
                }
                yield new EntityComponent.Kept(name, value.node());
            }
        };
    }

    private static EntityComponent equipment(Json value) {
        var chances = new LinkedHashMap<String, Double>();
        for (Json slot : value.get("slot_drop_chance").elements()) {
            chances.put(slot.get("slot").text(), slot.get("drop_chance").number(0));
        }
        return new EntityComponent.Equipment(value.get("table").optionalText().orElse(""), chances);
    }

    private static EntityComponent.DamageTrigger damageTrigger(Json trigger, Reading reading) {
        Json onDamage = trigger.get("on_damage");
        Filter filters = FilterReader.read(onDamage.get("filters"), reading);
        return new EntityComponent.DamageTrigger(filters, trigger.get("cause").optionalText().orElse("all"),
                trigger.get("deals_damage").isText() ? !trigger.get("deals_damage").text().equals("no")
                        : trigger.get("deals_damage").bool(true),
                trigger.get("damage_multiplier").number(1), call(onDamage, reading));
    }

    /** An event call: {@code {"event": "x", "target": "self", "filters": ...}} or just the event's name. */
    static Optional<EventCall> call(Json value, Reading reading) {
        if (value.isText()) {
            return Optional.of(new EventCall(value.text(), "self", Filter.ALWAYS));
        }
        if (!value.get("event").present()) {
            return Optional.empty();
        }
        return Optional.of(new EventCall(value.get("event").text(), value.get("target").optionalText().orElse("self"),
                FilterReader.read(value.get("filters"), reading)));
    }

    private static EntityEvent event(Json value, Reading reading) {
        var setProperty = new LinkedHashMap<String, PropertyValue>();
        value.get("set_property").fields().forEach((name, v) -> setProperty.put(name, v.isText()
                && v.text().matches("[A-Za-z_][A-Za-z0-9_]*") && !v.text().equalsIgnoreCase("true")
                && !v.text().equalsIgnoreCase("false")
                ? new PropertyValue(Optional.empty(), Optional.of(v.text()))
                : new PropertyValue(Optional.of(reading.expression(v)), Optional.empty())));
        var randomize = new ArrayList<EntityEvent.Weighted>();
        for (Json entry : value.get("randomize").elements()) {
            randomize.add(new EntityEvent.Weighted(entry.get("weight").number(1), event(entry, reading)));
        }
        var sequence = value.get("sequence").elements().stream().map(entry -> event(entry, reading)).toList();
        var kept = new LinkedHashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        value.fields().forEach((key, v) -> {
            if (!HANDLED.contains(key)) {
                kept.put(key, v.node());
                reading.keep("event response " + key);
            }
        });
        Json commands = value.get("queue_command").get("command");
        return new EntityEvent(FilterReader.read(value.get("filters"), reading), value.get("add").get(
                "component_groups").texts(), value.get("remove").get("component_groups").texts(), setProperty,
                call(value.get("trigger"), reading), randomize, sequence, commands.texts(), kept);
    }

    private static final Set<String> HANDLED = Set.of("filters", "add", "remove", "set_property", "trigger",
            "randomize", "sequence", "weight", "queue_command");
}

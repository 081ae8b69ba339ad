package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code minecraft:entity} of a behavior pack: its description, components, component groups and events.
 * Immutable.
 *
 * @param id the identifier ({@code custom:guard})
 * @param source where it was read
 * @param json the file's JSON
 * @param spawnable {@code is_spawnable}
 * @param summonable {@code is_summonable}
 * @param properties {@code description.properties}, by name
 * @param scripts {@code description.scripts}
 * @param components the components it always has, by name
 * @param groups the component groups, by name
 * @param events the events, by name
 */
public record EntityDefinition(String id, Source source, JsonNode json, boolean spawnable, boolean summonable,
        Map<String, PropertyDefinition> properties, Scripts scripts, Map<String, EntityComponent> components,
        Map<String, Map<String, EntityComponent>> groups, Map<String, EntityEvent> events) implements Definition {

    /** The event run when an entity spawns. */
    public static final String SPAWNED = "minecraft:entity_spawned";

    /** Copies the maps (keeping their order). */
    public EntityDefinition {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        events = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(events));
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.ENTITY;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("entity " + id + " (" + source + ", format " + source.formatVersion() + ")");
        lines.add("spawnable " + spawnable + ", summonable " + summonable);
        lines.add("components: " + String.join(", ", components.keySet()));
        groups.forEach((name, group) -> lines.add("group " + name + ": " + String.join(", ", group.keySet())));
        lines.add("events: " + String.join(", ", events.keySet()));
        properties.values().forEach(p -> lines.add("property " + p.name() + ": " + p.type().id()
                + (p.type() == PropertyDefinition.Type.ENUM ? " " + p.values() : "")));
        if (!scripts.animate().isEmpty()) {
            lines.add("animate: " + scripts.animate().stream().map(Scripts.Animate::name).toList());
        }
        return lines;
    }

    /**
     * {@code description.scripts} and {@code description.animations}: what runs every tick.
     *
     * @param initialize Molang run once when it spawns
     * @param preAnimation Molang run every tick before the animations
     * @param animate the animations and controllers it runs, by short name, each with its condition
     * @param animations short name to the animation or controller id
     */
    public record Scripts(Optional<MolangExpression> initialize, Optional<MolangExpression> preAnimation,
            List<Animate> animate, Map<String, String> animations) {

        /** No scripts. */
        public static final Scripts NONE = new Scripts(Optional.empty(), Optional.empty(), List.of(), Map.of());

        /** Copies the lists. */
        public Scripts {
            animate = List.copyOf(animate);
            animations = Map.copyOf(animations);
        }

        /**
         * One entry of {@code animate}.
         *
         * @param name the short name
         * @param condition when it runs (Molang), always when absent
         */
        public record Animate(String name, Optional<MolangExpression> condition) {}
    }
}

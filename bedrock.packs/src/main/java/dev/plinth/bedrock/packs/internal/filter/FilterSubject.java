package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import java.util.Optional;
import java.util.Set;

/**
 * An entity as filter tests see it. Pack entities answer from their components and properties; other entities
 * (players, the simulated world's own mobs) through {@link #of(Entity)}. Game thread only.
 */
public interface FilterSubject {

    /** {@return the entity} */
    Entity entity();

    /** {@return its type families ({@code minecraft:type_family}); a player is {@code player}} */
    Set<String> families();

    /**
     * Whether it has a component now.
     *
     * @param name the component ({@code minecraft:is_baby})
     * @return {@code true} when active
     */
    boolean hasComponent(String name);

    /**
     * An integer component value: {@code minecraft:variant}, {@code minecraft:mark_variant}, {@code minecraft:skin_id}.
     *
     * @param component the component
     * @return its value, 0 without it
     */
    int intComponent(String component);

    /**
     * A property's value ({@code description.properties}).
     *
     * @param name its name ({@code custom:phase})
     * @return a {@code Double}, {@code Boolean} or {@code String} (enum), or empty when it has none
     */
    Optional<Object> property(String name);

    /**
     * What it holds or wears.
     *
     * @param slot {@code hand}, {@code head}, {@code torso}, {@code leg}, {@code feet}, {@code offhand}, {@code any}
     * @param item the item id
     * @return {@code true} when it has it there
     */
    boolean hasEquipment(String slot, String item);

    /** {@return its tags} */
    default Set<String> tags() {
        return Set.of();
    }

    /** {@return whether it moved in the last tick} */
    default boolean isMoving() {
        return false;
    }

    /**
     * An entity that no pack defines, as filters see it.
     *
     * @param entity the entity
     * @return the subject
     */
    static FilterSubject of(Entity entity) {
        return new PlainSubject(entity);
    }

    /**
     * An entity no pack defines: a player (family {@code player}, equipment from the held item) or the
     * simulated world's own mob (family: its type's name).
     *
     * @param entity the entity
     */
    record PlainSubject(Entity entity) implements FilterSubject {
        @Override
        public Set<String> families() {
            String type = entity.type();
            return Set.of(type.substring(type.indexOf(':') + 1), entity instanceof Player ? "player" : "mob");
        }

        @Override
        public boolean hasComponent(String name) {
            return false;
        }

        @Override
        public int intComponent(String component) {
            return 0;
        }

        @Override
        public Optional<Object> property(String name) {
            return Optional.empty();
        }

        @Override
        public boolean hasEquipment(String slot, String item) {
            if (entity instanceof Player player && (slot.equals("hand") || slot.equals("any") || slot.isEmpty())) {
                return player.inventory().item(0).map(stack -> stack.type().equals(item)).orElse(false);
            }
            return false;
        }
    }
}

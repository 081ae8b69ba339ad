package dev.plinth.core.runtime.entity;

import java.util.Locale;
import java.util.Optional;

/** Why an entity takes damage or dies. */
public enum DamageCause {
    /** Hit by another entity. */
    ENTITY_ATTACK,
    /** Hit by an arrow, a trident or another projectile. */
    PROJECTILE,
    /** Fell too far. */
    FALL,
    /** Stood in fire. */
    FIRE,
    /** Swam in lava. */
    LAVA,
    /** Ran out of air. */
    DROWNING,
    /** Caught in an explosion. */
    EXPLOSION,
    /** Fell out of the world. */
    VOID,
    /** Harmed by a potion or an effect. */
    MAGIC,
    /** Ran out of food. */
    STARVATION,
    /** Struck by lightning. */
    LIGHTNING,
    /** Froze in powder snow. */
    FREEZING,
    /** Anything else, including a plugin setting the health to zero. */
    CUSTOM;

    /**
     * The cause's name as scripts and the shell write it.
     *
     * @return for example {@code entity_attack}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a cause by its {@link #id()}, ignoring case.
     *
     * @param id the name
     * @return the cause, or empty for an unknown name
     */
    public static Optional<DamageCause> byId(String id) {
        try {
            return Optional.of(valueOf(id.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}

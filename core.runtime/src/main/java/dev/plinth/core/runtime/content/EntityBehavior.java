package dev.plinth.core.runtime.content;

import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.DespawnReason;
import dev.plinth.core.runtime.entity.Entity;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What controls one entity of an {@link EntityType}: its reactions to spawning, ticks, damage and death, and how it
 * describes itself. Every method has a default that does nothing special.
 *
 * <p>Called on the game thread only; the calls do not overlap. A method that throws is logged with the entity and
 * its type, and the entity carries on (a throwing {@link #tick} is not called again for that entity).
 */
@ConsumerType
public interface EntityBehavior {

    /** The entity is now in its world: the {@code entity_spawn} event passed. */
    default void spawned() {
    }

    /**
     * One game tick, for each entity in a world, in spawn order.
     *
     * @param tick the tick's number
     */
    default void tick(long tick) {
    }

    /**
     * The entity is about to take damage, before {@code entity_damage} is posted.
     *
     * @param amount the damage
     * @param cause its cause
     * @param attacker who deals it, if anyone
     * @return the damage to deal: the amount, another, or 0 or less for none (the entity is immune to it)
     */
    default float hurt(float amount, DamageCause cause, Optional<Entity> attacker) {
        return amount;
    }

    /**
     * The entity dies: what it leaves behind, before {@code entity_death} is posted (whose handlers may change it).
     *
     * @param cause what killed it
     * @param killer who killed it, if anyone
     * @return its drops and experience
     */
    default EntityDrops death(DamageCause cause, Optional<Entity> killer) {
        return EntityDrops.NONE;
    }

    /**
     * The entity left its world for good: it died, was removed, or its type was removed.
     *
     * @param reason why; {@code null} reasons do not happen
     */
    default void removed(DespawnReason reason) {
    }

    /**
     * Lines that describe the entity's state beyond type, health and position, for {@code sim:entity}.
     *
     * @return the lines, for example {@code groups: hostile}
     */
    default List<String> describe() {
        return List.of();
    }
}

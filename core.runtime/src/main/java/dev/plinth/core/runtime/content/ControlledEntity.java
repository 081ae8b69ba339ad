package dev.plinth.core.runtime.content;

import dev.plinth.core.runtime.entity.Entity;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An entity as its {@link EntityBehavior} sees it: an {@link Entity}, plus what only the type that controls it may
 * change. Every entity of the simulated world is one; {@link #behavior()} tells what controls it.
 *
 * <p>Same thread rules as {@link Entity}: the game thread only, but for the identity.
 */
@ProviderType
public interface ControlledEntity extends Entity {

    /**
     * Changes the most health the entity can have (a pack's {@code minecraft:health} component in a component group
     * does). The health is capped at the new maximum.
     *
     * @param maxHealth more than 0
     * @throws IllegalArgumentException when not positive
     */
    void setMaxHealth(float maxHealth);

    /**
     * What controls the entity.
     *
     * @return the behavior its type made, or the simulated world's own for the types no resource registered
     */
    EntityBehavior behavior();
}

package dev.plinth.core.runtime.content;

import dev.plinth.core.runtime.entity.SpawnReason;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of entity a resource defines (a behavior pack's {@code custom:guard}): it makes the {@link EntityBehavior}
 * that controls each entity of the type. Registered with {@link GameContent}.
 *
 * <p>Called on the game thread only.
 */
@ConsumerType
public interface EntityType {

    /**
     * The type's id.
     *
     * @return a namespaced id, for example {@code custom:guard}
     */
    String id();

    /**
     * Whether a command may create it ({@code /summon}, {@code sim:spawn}): Bedrock's {@code is_summonable}.
     *
     * @return {@code true} by default
     */
    default boolean summonable() {
        return true;
    }

    /**
     * Whether the world may spawn it by its own rules (spawn rules, spawn eggs): Bedrock's {@code is_spawnable}.
     *
     * @return {@code true} by default
     */
    default boolean spawnable() {
        return true;
    }

    /**
     * Makes the behavior of a new entity of this type. The entity is not in its world yet (its spawn may still be
     * cancelled): the behavior sets its health and state here, and acts once {@link EntityBehavior#spawned()} is
     * called.
     *
     * @param entity the new entity
     * @param reason why it appears
     * @return its behavior
     * @throws RuntimeException when the entity cannot be made; the spawn then fails with the message
     */
    EntityBehavior create(ControlledEntity entity, SpawnReason reason);
}

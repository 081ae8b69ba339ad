package dev.plinth.core.runtime.entity;

import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.Optional;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Something that lives in a world: a mob, a dropped item, a player.
 *
 * <p>Thread rule: {@link #id()}, {@link #uuid()} and {@link #type()} may be read from any thread; every other
 * method must be called on the game thread (see {@link dev.plinth.core.runtime.tick.GameThread}) and throws
 * {@link WrongThreadException} elsewhere. An entity that was removed (or a player who left) stays a valid object:
 * its getters return the last known values and its actions do nothing.
 */
@ProviderType
public interface Entity {

    /**
     * The entity's number, unique on this server while it runs.
     *
     * @return the id
     */
    long id();

    /**
     * The entity's unique id.
     *
     * @return the UUID
     */
    UUID uuid();

    /**
     * What kind of entity it is.
     *
     * @return the namespaced type, for example {@code minecraft:zombie} or {@code minecraft:player}
     */
    String type();

    /**
     * The world the entity is in.
     *
     * @return the world
     */
    World world();

    /**
     * Where the entity is.
     *
     * @return the position
     */
    Position position();

    /**
     * Moves the entity to a position in its world.
     *
     * @param position where to
     */
    void teleport(Position position);

    /**
     * The entity's health points.
     *
     * @return from 0 to {@link #maxHealth()}
     */
    float health();

    /**
     * The most health the entity can have.
     *
     * @return the maximum health (20 for a player)
     */
    float maxHealth();

    /**
     * Sets the health, capped at {@link #maxHealth()}; zero or less kills the entity (cause
     * {@link DamageCause#CUSTOM}).
     *
     * @param health the new health
     */
    void setHealth(float health);

    /**
     * Damages the entity: posts {@code entity_damage}, then, unless a handler cancelled it, lowers the health by
     * the (possibly changed) amount; at zero the entity dies ({@code entity_death} or {@code player_death}).
     *
     * @param amount the damage in health points
     * @param cause why
     * @param attacker the entity that caused it, if any
     * @return {@code true} when the damage was applied, {@code false} when it was cancelled or the entity is
     *     immune (a player in creative or spectator mode is, except to {@link DamageCause#VOID})
     */
    boolean damage(float amount, DamageCause cause, Optional<Entity> attacker);

    /**
     * Damages the entity without an attacker; see {@link #damage(float, DamageCause, Optional)}.
     *
     * @param amount the damage in health points
     * @param cause why
     * @return {@code true} when the damage was applied
     */
    default boolean damage(float amount, DamageCause cause) {
        return damage(amount, cause, Optional.empty());
    }

    /**
     * Whether the entity is still in its world and alive.
     *
     * @return {@code false} once it died, was removed, or (for a player) left
     */
    boolean isValid();

    /**
     * Removes the entity from its world without a death. Removing a player is not allowed: kick them instead.
     *
     * @throws UnsupportedOperationException for a player
     */
    void remove();

    /**
     * Explodes at the entity's position, like a creeper or TNT: posts {@code entity_explode}; unless cancelled,
     * the affected blocks become air and the entity is removed.
     *
     * @param power the explosion's radius in blocks, from 0 to 16
     * @return {@code true} when it exploded
     * @throws IllegalArgumentException when the power is out of range
     */
    boolean explode(float power);

    /**
     * The items a dropped-item entity ({@code minecraft:item}) carries.
     *
     * @return the stack, or empty for any other entity
     */
    Optional<ItemStack> item();
}

package dev.plinth.bedrock.packs.internal.testing;

import dev.plinth.core.runtime.content.ControlledEntity;
import dev.plinth.core.runtime.content.EntityBehavior;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.Optional;
import java.util.UUID;

/**
 * An entity of a {@link FlatWorld}: a type, a place and health, and the behavior that controls it (a pack entity's,
 * once {@link #control} was called).
 */
public final class Mob implements ControlledEntity {

    private final long id;
    private final String type;
    private final World world;
    private Position position;
    private float health = 20;
    private float maxHealth = 20;
    private boolean valid = true;
    private EntityBehavior behavior = new EntityBehavior() { };

    /**
     * Creates the mob.
     *
     * @param id its number
     * @param type its type
     * @param world its world
     * @param position where it is
     */
    public Mob(long id, String type, World world, Position position) {
        this.id = id;
        this.type = type;
        this.world = world;
        this.position = position;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public UUID uuid() {
        return new UUID(0, id);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public void teleport(Position position) {
        this.position = position;
    }

    @Override
    public float health() {
        return health;
    }

    @Override
    public float maxHealth() {
        return maxHealth;
    }

    @Override
    public void setMaxHealth(float maxHealth) {
        this.maxHealth = maxHealth;
        health = Math.min(health, maxHealth);
    }

    @Override
    public EntityBehavior behavior() {
        return behavior;
    }

    /**
     * Hands the mob to a behavior, as the world does when an entity of a registered type is made.
     *
     * @param behavior what controls it
     */
    public void control(EntityBehavior behavior) {
        this.behavior = behavior;
    }

    @Override
    public void setHealth(float health) {
        this.health = Math.min(health, maxHealth);
    }

    @Override
    public boolean damage(float amount, DamageCause cause, Optional<Entity> attacker) {
        health -= amount;
        return true;
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void remove() {
        valid = false;
    }

    @Override
    public boolean explode(float power) {
        return false;
    }

    @Override
    public Optional<ItemStack> item() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return type + " #" + id;
    }
}

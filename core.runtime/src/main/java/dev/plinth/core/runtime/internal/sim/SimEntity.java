package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.content.ControlledEntity;
import dev.plinth.core.runtime.content.EntityBehavior;
import dev.plinth.core.runtime.content.EntityDrops;
import dev.plinth.core.runtime.content.EntityType;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.DespawnReason;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.entity.EntityDamageEvent;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntityDespawnEvent;
import dev.plinth.core.runtime.event.entity.EntityExplodeEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateCause;
import dev.plinth.core.runtime.internal.sim.TypeStack.Registered;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entity of the simulated server. Its identity may be read from any thread; everything else is game thread
 * only ({@link SimServer#checkThread}). What it does is up to its {@link EntityBehavior}: the one its resource's
 * {@link EntityType} made, or {@link VanillaBehavior} for the types no resource registered.
 */
public sealed class SimEntity implements ControlledEntity permits SimPlayer {

    /** The strongest explosion allowed. */
    static final float MAX_POWER = 16;

    final SimServer server;
    private final long id;
    private final UUID uuid;
    private final String type;
    private final Optional<ItemStack> item;
    private final @Nullable Registered<EntityType> registration;
    private EntityBehavior behavior;
    private float maxHealth;
    private SimWorld world;
    private Position position;
    private float health;
    private boolean valid;
    private boolean tickFailed;
    private boolean left;
    private @Nullable EntityDeathEvent death;

    SimEntity(SimServer server, long id, String type, SimWorld world, Position position, Optional<ItemStack> item) {
        this(server, id, uuidOf(id), type, world, position, item);
    }

    /** {@return the UUID of the entity of a number} */
    static UUID uuidOf(long id) {
        return UUID.nameUUIDFromBytes(("plinth-entity:" + id).getBytes(StandardCharsets.UTF_8));
    }

    SimEntity(SimServer server, long id, UUID uuid, String type, SimWorld world, Position position,
            Optional<ItemStack> item) {
        this(server, id, uuid, type, world, position, item, null);
    }

    /**
     * Creates an entity of a type a resource registered, or of the simulated world's own when the registration is
     * {@code null}; {@link #control} hands it to its behavior.
     */
    SimEntity(SimServer server, long id, UUID uuid, String type, SimWorld world, Position position,
            Optional<ItemStack> item, @Nullable Registered<EntityType> registration) {
        this.server = server;
        this.id = id;
        this.uuid = uuid;
        this.type = type;
        this.world = world;
        this.position = Objects.requireNonNull(position, "position");
        this.item = item;
        this.registration = registration;
        this.behavior = new VanillaBehavior(type);
        this.maxHealth = LootTable.maxHealth(type);
        this.health = maxHealth;
    }

    /** {@return whether its behavior's tick threw once, so that it is not called again} */
    final boolean tickFailed() {
        return tickFailed;
    }

    final void markTickFailed() {
        tickFailed = true;
    }

    /** Hands the entity to the behavior its type made. */
    final void control(EntityBehavior behavior) {
        this.behavior = Objects.requireNonNull(behavior, "behavior");
    }

    /** {@return the registration of the type that made the entity, or null for the world's own types} */
    final @Nullable Registered<EntityType> registration() {
        return registration;
    }

    @Override
    public final EntityBehavior behavior() {
        return behavior;
    }

    @Override
    public final void setMaxHealth(float maxHealth) {
        server.checkThread();
        if (!(maxHealth > 0)) {
            throw new IllegalArgumentException("the maximum health is more than 0, not " + maxHealth);
        }
        this.maxHealth = maxHealth;
        this.health = Math.min(health, maxHealth);
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final UUID uuid() {
        return uuid;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final World world() {
        server.checkThread();
        return world;
    }

    /** {@return the simulated world the entity is in} */
    final SimWorld simWorld() {
        return world;
    }

    @Override
    public final Position position() {
        server.checkThread();
        return position;
    }

    @Override
    public void teleport(Position position) {
        server.checkThread();
        if (valid) {
            moveTo(position);
        }
    }

    /** Puts the entity at a position of its world, loading the chunk there. */
    final void moveTo(Position position) {
        this.position = Objects.requireNonNull(position, "position");
        world.loadChunk(position.blockPos().chunk());
    }

    /** Puts the entity into a world at a position (the world loads the chunk there). */
    final void place(SimWorld world, Position position) {
        this.position = Objects.requireNonNull(position, "position");
        world.add(this);
    }

    /** Marks the entity as in a world it was just added to; called by the world. */
    final void enter(SimWorld world) {
        this.world = world;
        this.valid = true;
        this.left = false;
    }

    /** Takes the entity out of its world. */
    final void leave() {
        valid = false;
        left = true;
        world.remove(this);
    }

    @Override
    public final float health() {
        server.checkThread();
        return health;
    }

    @Override
    public final float maxHealth() {
        return maxHealth;
    }

    @Override
    public final void setHealth(float health) {
        server.checkThread();
        if (!valid && left) {
            return;
        }
        if (!valid) {
            this.health = Math.clamp(health, 0, maxHealth);
        } else if (health <= 0) {
            this.health = 0;
            die(DamageCause.CUSTOM, Optional.empty());
        } else {
            this.health = Math.min(health, maxHealth);
        }
    }

    /** Restores the full health. */
    final void heal() {
        health = maxHealth;
    }

    @Override
    public final boolean damage(float amount, DamageCause cause, Optional<Entity> attacker) {
        server.checkThread();
        if (!valid || immuneTo(cause)) {
            return false;
        }
        float dealt = behavior.hurt(amount, cause, attacker);
        if (!(dealt > 0) || !valid) {
            return false;
        }
        var event = server.post(new EntityDamageEvent(this, dealt, cause, attacker));
        if (event.isCancelled()) {
            return false;
        }
        health = Math.max(0, health - event.damage());
        if (health == 0) {
            die(cause, attacker);
        }
        return true;
    }

    /** {@return whether damage of this cause does not hurt the entity} */
    boolean immuneTo(DamageCause cause) {
        return false;
    }

    /** The entity died: posts {@code entity_death}, drops its loot and leaves its world. */
    void die(DamageCause cause, Optional<Entity> killer) {
        EntityDrops drops = behavior.death(cause, killer);
        var event = server.post(new EntityDeathEvent(this, cause, drops.items(), drops.xp()));
        death = event;
        leave();
        behavior.removed(DespawnReason.DIED);
        event.drops().forEach(stack -> world.dropItem(position, stack));
    }

    /** {@return how the entity died, once it did} */
    final Optional<EntityDeathEvent> death() {
        return Optional.ofNullable(death);
    }

    /** The entity leaves its world without dying: {@code entity_despawn}, then its behavior is told. */
    final void despawn(DespawnReason reason) {
        if (!valid) {
            return;
        }
        server.post(new EntityDespawnEvent(this, reason));
        if (valid) {
            leave();
            behavior.removed(reason);
        }
    }

    @Override
    public final boolean isValid() {
        server.checkThread();
        return valid;
    }

    @Override
    public void remove() {
        server.checkThread();
        despawn(DespawnReason.REMOVED);
    }

    @Override
    public final boolean explode(float power) {
        server.checkThread();
        if (!(power >= 0 && power <= MAX_POWER)) {
            throw new IllegalArgumentException("an explosion's power is from 0 to " + MAX_POWER + ", not " + power);
        }
        if (!valid) {
            return false;
        }
        var affected = new ArrayList<BlockPos>();
        BlockPos center = position.blockPos();
        int radius = (int) Math.ceil(power);
        for (int dx = -radius; dx <= radius; dx++) {
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dz = -radius; dz <= radius; dz++) {
                    BlockPos pos = center.offset(dx, dy, dz);
                    if (dx * dx + dy * dy + dz * dz <= power * power && world.inHeight(pos)
                            && !world.block(pos).isAir()) {
                        affected.add(pos);
                    }
                }
            }
        }
        var event = server.post(new EntityExplodeEvent(this, position, power, affected));
        if (event.isCancelled()) {
            return false;
        }
        event.affectedBlocks().forEach(pos -> world.changeBlock(pos, BlockState.AIR, BlockUpdateCause.EXPLOSION));
        afterExplosion();
        return true;
    }

    /** What becomes of the entity once it exploded: like TNT, it is gone. */
    void afterExplosion() {
        leave();
    }

    @Override
    public final Optional<ItemStack> item() {
        return item;
    }

    @Override
    public String toString() {
        return type + " #" + id;
    }
}

package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.entity.EntityDamageEvent;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntityExplodeEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateCause;
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

/**
 * An entity of the simulated server. Its identity may be read from any thread; everything else is game thread
 * only ({@link SimServer#checkThread}).
 */
public sealed class SimEntity implements Entity permits SimPlayer {

    /** The strongest explosion allowed. */
    static final float MAX_POWER = 16;

    final SimServer server;
    private final long id;
    private final UUID uuid;
    private final String type;
    private final float maxHealth;
    private final Optional<ItemStack> item;
    private SimWorld world;
    private Position position;
    private float health;
    private boolean valid;

    SimEntity(SimServer server, long id, String type, SimWorld world, Position position, Optional<ItemStack> item) {
        this(server, id, UUID.nameUUIDFromBytes(("plinth-entity:" + id).getBytes(StandardCharsets.UTF_8)), type,
                world, position, item);
    }

    SimEntity(SimServer server, long id, UUID uuid, String type, SimWorld world, Position position,
            Optional<ItemStack> item) {
        this.server = server;
        this.id = id;
        this.uuid = uuid;
        this.type = type;
        this.world = world;
        this.position = Objects.requireNonNull(position, "position");
        this.item = item;
        this.maxHealth = LootTable.maxHealth(type);
        this.health = maxHealth;
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
    }

    /** Takes the entity out of its world. */
    final void leave() {
        valid = false;
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
        if (!valid) {
            return;
        }
        if (health <= 0) {
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
        var event = server.post(new EntityDamageEvent(this, amount, cause, attacker));
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
        var event = server.post(new EntityDeathEvent(this, cause, LootTable.drops(type), LootTable.xp(type)));
        leave();
        event.drops().forEach(stack -> world.dropItem(position, stack));
    }

    @Override
    public final boolean isValid() {
        server.checkThread();
        return valid;
    }

    @Override
    public void remove() {
        server.checkThread();
        if (valid) {
            leave();
        }
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

package dev.plinth.bedrock.packs.internal.entity;

import dev.plinth.bedrock.packs.internal.definition.EntityComponent;
import dev.plinth.core.runtime.world.Position;
import java.util.Optional;

/**
 * How a pack entity walks: with {@code minecraft:movement} and a wandering goal
 * ({@code minecraft:behavior.random_stroll} and its kind) it strolls to a random point within 8 blocks, at
 * {@code movement × speed_multiplier × 0.215} blocks a tick (Bedrock's speeds: 0.25 is a walk of about 1 block a
 * second... times its multiplier), rests, and strolls again. Game thread only.
 */
final class EntityMotion {

    /** Blocks per tick for a {@code minecraft:movement} of 1. */
    static final double BLOCKS_PER_TICK = 0.215;
    private static final int RANGE = 8;
    private static final int REST_TICKS = 40;

    private final PackEntity entity;
    private double speed;
    private Optional<Position> target = Optional.empty();
    private int rest;
    private boolean moving;

    EntityMotion(PackEntity entity) {
        this.entity = entity;
    }

    /** The components changed: the speed is computed again. */
    void changed() {
        double movement = entity.component(EntityComponent.Movement.class)
                .map(m -> m.value().value(entity.molang(), entity.world().random())).orElse(0.0);
        double multiplier = entity.component(EntityComponent.Stroll.class)
                .map(EntityComponent.Stroll::speedMultiplier).orElse(0.0);
        speed = movement * multiplier * BLOCKS_PER_TICK;
        if (speed <= 0) {
            target = Optional.empty();
            moving = false;
        }
    }

    /** One tick: a step towards the target, or a rest. */
    void tick() {
        if (speed <= 0) {
            moving = false;
            return;
        }
        Position at = entity.handle().position();
        if (target.isEmpty()) {
            if (rest > 0) {
                rest--;
                moving = false;
                return;
            }
            var random = entity.world().random();
            target = Optional.of(new Position(at.x() + random.nextInt(-RANGE, RANGE + 1), at.y(),
                    at.z() + random.nextInt(-RANGE, RANGE + 1)));
        }
        Position to = target.get();
        double dx = to.x() - at.x();
        double dz = to.z() - at.z();
        double distance = Math.sqrt(dx * dx + dz * dz);
        if (distance <= speed) {
            entity.handle().teleport(to);
            target = Optional.empty();
            rest = REST_TICKS;
        } else {
            entity.handle().teleport(new Position(at.x() + dx / distance * speed, at.y(),
                    at.z() + dz / distance * speed));
        }
        moving = true;
    }

    /** {@return its speed in blocks per tick} */
    double speed() {
        return speed;
    }

    /** {@return whether it moved in the last tick} */
    boolean moving() {
        return moving;
    }
}

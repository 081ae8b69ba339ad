package dev.plinth.core.runtime.event.entity;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.Position;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity is about to explode. Handlers may change which blocks it destroys; cancelled, nothing is destroyed and
 * the entity stays. Posted on the game thread.
 */
@EventName(EntityExplodeEvent.NAME)
public final class EntityExplodeEvent extends CancellableEvent {

    /** The event's name. */
    public static final String NAME = "entity_explode";

    private final Entity entity;
    private final Position position;
    private final float power;
    private List<BlockPos> affectedBlocks;

    /**
     * Creates the event.
     *
     * @param entity what explodes
     * @param position where
     * @param power the explosion's radius in blocks
     * @param affectedBlocks the blocks it destroys
     */
    public EntityExplodeEvent(Entity entity, Position position, float power, List<BlockPos> affectedBlocks) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.position = Objects.requireNonNull(position, "position");
        this.power = power;
        this.affectedBlocks = List.copyOf(affectedBlocks);
    }

    /** {@return the entity that explodes} */
    public Entity entity() {
        return entity;
    }

    /** {@return the centre of the explosion} */
    public Position position() {
        return position;
    }

    /** {@return the radius of the explosion, in blocks} */
    public float power() {
        return power;
    }

    /** {@return the blocks the explosion destroys} */
    public List<BlockPos> affectedBlocks() {
        return affectedBlocks;
    }

    /**
     * Changes which blocks the explosion destroys.
     *
     * @param blocks the new list (copied)
     */
    public void setAffectedBlocks(List<BlockPos> blocks) {
        checkMutable();
        this.affectedBlocks = List.copyOf(blocks);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("entity", entity.id(), "entity_type", entity.type(), "position", position.asMap(),
                "power", power, "affected_blocks", affectedBlocks.stream().map(BlockPos::asMap).toList());
    }
}

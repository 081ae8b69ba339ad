package dev.plinth.core.runtime.event.world;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import java.util.Map;
import java.util.Objects;

/**
 * A block is about to change. Cancelled, the block stays as it is. Posted on the game thread.
 */
@EventName(BlockUpdateEvent.NAME)
public final class BlockUpdateEvent extends CancellableEvent {

    /** The event's name. */
    public static final String NAME = "block_update";

    private final Dimension dimension;
    private final BlockPos position;
    private final BlockState oldBlock;
    private final BlockState newBlock;
    private final BlockUpdateCause cause;

    /**
     * Creates the event.
     *
     * @param dimension the world's dimension
     * @param position the block's position
     * @param oldBlock what is there now
     * @param newBlock what will be there
     * @param cause why
     */
    public BlockUpdateEvent(Dimension dimension, BlockPos position, BlockState oldBlock, BlockState newBlock,
            BlockUpdateCause cause) {
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.position = Objects.requireNonNull(position, "position");
        this.oldBlock = Objects.requireNonNull(oldBlock, "oldBlock");
        this.newBlock = Objects.requireNonNull(newBlock, "newBlock");
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    /** {@return the dimension of the world the block is in} */
    public Dimension dimension() {
        return dimension;
    }

    /** {@return the block's position} */
    public BlockPos position() {
        return position;
    }

    /** {@return the block before the change} */
    public BlockState oldBlock() {
        return oldBlock;
    }

    /** {@return the block after the change} */
    public BlockState newBlock() {
        return newBlock;
    }

    /** {@return why the block changes} */
    public BlockUpdateCause cause() {
        return cause;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("dimension", dimension.id(), "position", position.asMap(), "old_block", oldBlock.toString(),
                "new_block", newBlock.toString(), "cause", cause.id());
    }
}

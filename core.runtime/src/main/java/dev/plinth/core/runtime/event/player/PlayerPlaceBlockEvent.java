package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import java.util.Map;
import java.util.Objects;

/**
 * A player places a block. Cancelled, the block is not placed. Posted on the game thread, before the
 * {@code block_update} of the change.
 */
@EventName(PlayerPlaceBlockEvent.NAME)
public final class PlayerPlaceBlockEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_place_block";

    private final Player player;
    private final BlockPos position;
    private final BlockState block;
    private final BlockPos against;

    /**
     * Creates the event.
     *
     * @param player who places it
     * @param position where
     * @param block the block placed
     * @param against the block it is placed against
     */
    public PlayerPlaceBlockEvent(Player player, BlockPos position, BlockState block, BlockPos against) {
        this.player = Objects.requireNonNull(player, "player");
        this.position = Objects.requireNonNull(position, "position");
        this.block = Objects.requireNonNull(block, "block");
        this.against = Objects.requireNonNull(against, "against");
    }

    /** {@return the player who places the block} */
    public Player player() {
        return player;
    }

    /** {@return where the block goes} */
    public BlockPos position() {
        return position;
    }

    /** {@return the block placed} */
    public BlockState block() {
        return block;
    }

    /** {@return the block it is placed against} */
    public BlockPos against() {
        return against;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "position", position.asMap(), "block", block.toString(),
                "against", against.asMap());
    }
}

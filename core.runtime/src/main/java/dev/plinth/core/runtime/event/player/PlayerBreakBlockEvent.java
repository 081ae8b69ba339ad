package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A player breaks a block. Handlers may change the drops; cancelled, the block stays. Posted on the game thread,
 * before the {@code block_update} of the change.
 */
@EventName(PlayerBreakBlockEvent.NAME)
public final class PlayerBreakBlockEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_break_block";

    private final Player player;
    private final BlockPos position;
    private final BlockState block;
    private List<ItemStack> drops;

    /**
     * Creates the event.
     *
     * @param player who breaks it
     * @param position where
     * @param block the block broken
     * @param drops what it drops
     */
    public PlayerBreakBlockEvent(Player player, BlockPos position, BlockState block, List<ItemStack> drops) {
        this.player = Objects.requireNonNull(player, "player");
        this.position = Objects.requireNonNull(position, "position");
        this.block = Objects.requireNonNull(block, "block");
        this.drops = List.copyOf(drops);
    }

    /** {@return the player who breaks the block} */
    public Player player() {
        return player;
    }

    /** {@return the block's position} */
    public BlockPos position() {
        return position;
    }

    /** {@return the block broken} */
    public BlockState block() {
        return block;
    }

    /** {@return what the block drops (the simulated server puts it in the player's inventory)} */
    public List<ItemStack> drops() {
        return drops;
    }

    /**
     * Changes what the block drops.
     *
     * @param drops the new drops (copied)
     */
    public void setDrops(List<ItemStack> drops) {
        checkMutable();
        this.drops = List.copyOf(drops);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("player", player.name(), "position", position.asMap(), "block", block.toString(),
                "drops", drops.stream().map(ItemStack::asMap).toList());
    }
}

package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A player clicks the air, a block or an entity, holding an item or not. Cancelled, nothing comes of it (a left
 * click on an entity no longer attacks it). Posted on the game thread.
 */
@EventName(PlayerInteractEvent.NAME)
public final class PlayerInteractEvent extends CancellableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_interact";

    private final Player player;
    private final InteractAction action;
    private final Optional<Entity> target;
    private final Optional<BlockPos> targetPosition;
    private final Optional<BlockState> targetBlock;
    private final Optional<ItemStack> item;

    /**
     * Creates the event.
     *
     * @param player who interacts
     * @param action how
     * @param target the entity clicked, if any
     * @param targetPosition the position of the block clicked, if any
     * @param targetBlock the block clicked, if any
     * @param item what the player holds, if anything
     */
    public PlayerInteractEvent(Player player, InteractAction action, Optional<Entity> target,
            Optional<BlockPos> targetPosition, Optional<BlockState> targetBlock, Optional<ItemStack> item) {
        this.player = Objects.requireNonNull(player, "player");
        this.action = Objects.requireNonNull(action, "action");
        this.target = Objects.requireNonNull(target, "target");
        this.targetPosition = Objects.requireNonNull(targetPosition, "targetPosition");
        this.targetBlock = Objects.requireNonNull(targetBlock, "targetBlock");
        this.item = Objects.requireNonNull(item, "item");
    }

    /** {@return the player who interacts} */
    public Player player() {
        return player;
    }

    /** {@return how the player interacts} */
    public InteractAction action() {
        return action;
    }

    /** {@return the entity clicked, if any} */
    public Optional<Entity> target() {
        return target;
    }

    /** {@return the position of the block clicked, if any} */
    public Optional<BlockPos> targetPosition() {
        return targetPosition;
    }

    /** {@return the block clicked, if any} */
    public Optional<BlockState> targetBlock() {
        return targetBlock;
    }

    /** {@return the item in the player's hand, if any} */
    public Optional<ItemStack> item() {
        return item;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("player", player.name());
        payload.put("action", action.id());
        target.ifPresent(entity -> payload.put("target", entity.id()));
        targetPosition.ifPresent(pos -> payload.put("target_position", pos.asMap()));
        targetBlock.ifPresent(block -> payload.put("target_block", block.toString()));
        item.ifPresent(stack -> payload.put("item", stack.asMap()));
        return Collections.unmodifiableMap(payload);
    }
}

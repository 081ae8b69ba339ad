package dev.plinth.core.runtime.content;

import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockState;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of block a resource defines: its states, whether players can break it and what it drops. Registered with
 * {@link GameContent}; a player placing or breaking a block of the type goes through it.
 *
 * <p>Called on the game thread only.
 */
@ConsumerType
public interface BlockType {

    /**
     * The type's id.
     *
     * @return a namespaced id, for example {@code custom:crate}
     */
    String id();

    /**
     * A block of this type as placed: the states it has, with the defaults filled in.
     *
     * @param requested what was asked for ({@code custom:die[custom:face=3]})
     * @return the block with every state of the type
     * @throws IllegalArgumentException when a state is unknown or has a value the type does not allow
     */
    BlockState normalize(BlockState requested);

    /**
     * Whether a player can break the block by mining it.
     *
     * @param block the block
     * @return {@code true} by default
     */
    default boolean breakable(BlockState block) {
        return true;
    }

    /**
     * What the block drops when a player breaks it.
     *
     * @param block the block
     * @param breaker who broke it, if a player did
     * @return the items
     */
    List<ItemStack> drops(BlockState block, Optional<Player> breaker);
}

package dev.plinth.lang.wasm.internal.binding;

import com.dylibso.chicory.runtime.TrapException;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import java.util.Optional;

/**
 * {@code mc_give_item} of both ABIs that offer it (the design ABI and Extism): a count of items split into stacks,
 * at most what a player's inventory holds in one call (what does not fit is dropped at the player's feet as item
 * entities, which a plugin must not be able to pile up by the million), each stack paid for with fuel as it is given,
 * so that the wall-clock watchdog can stop a call that gives too long.
 *
 * <p>Game thread only, within a call of the plugin.
 */
public final class ItemGift {

    /** The fuel one stack costs: an item given may be an entity dropped and an event posted. */
    static final long FUEL_PER_STACK = 64;

    private ItemGift() {}

    /**
     * Gives a player items.
     *
     * @param context the plugin
     * @param function the host function, for messages ({@code mc_give_item})
     * @param player the player, empty when it is not online (nothing is given)
     * @param item the item type ({@code minecraft:diamond})
     * @param count how many
     * @throws TrapException when the item type is invalid, the count is below 1 or above a full inventory, or the
     *     call's fuel runs out
     */
    public static void give(PluginContext context, String function, Optional<Player> player, String item, int count) {
        if (count <= 0) {
            throw new TrapException(function + ": count must be at least 1, not " + count);
        }
        ItemStack stack;
        try {
            stack = ItemStack.of(item);
        } catch (IllegalArgumentException e) {
            throw new TrapException(function + ": " + e.getMessage());
        }
        if (player.isEmpty()) {
            return;
        }
        int most = player.get().inventory().size() * ItemStack.MAX_STACK;
        if (count > most) {
            throw new TrapException(function + ": count must be at most " + most + " (a full inventory), not "
                    + count);
        }
        for (int left = count; left > 0; left -= ItemStack.MAX_STACK) {
            context.meter().charge(FUEL_PER_STACK);
            player.get().giveItem(stack.withCount(Math.min(left, ItemStack.MAX_STACK)));
        }
    }
}

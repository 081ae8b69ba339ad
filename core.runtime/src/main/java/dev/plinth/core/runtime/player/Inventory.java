package dev.plinth.core.runtime.player;

import dev.plinth.core.runtime.item.ItemStack;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A player's inventory: {@link #size()} numbered slots, each empty or holding one {@link ItemStack}.
 *
 * <p>Thread rule: call on the game thread; other threads get {@link WrongThreadException}.
 */
@ProviderType
public interface Inventory {

    /**
     * The number of slots.
     *
     * @return 36 for a player
     */
    int size();

    /**
     * The stack in a slot.
     *
     * @param slot from 0 to {@code size() - 1}
     * @return the stack, or empty
     * @throws IndexOutOfBoundsException for a slot out of range
     */
    Optional<ItemStack> item(int slot);

    /**
     * Puts a stack into a slot, replacing what was there.
     *
     * @param slot from 0 to {@code size() - 1}
     * @param stack the stack, or empty to clear the slot
     * @throws IndexOutOfBoundsException for a slot out of range
     */
    void setItem(int slot, Optional<ItemStack> stack);

    /**
     * Adds items: first onto stacks of the same type, then into empty slots.
     *
     * @param stack the items
     * @return how many did not fit (0 when all did)
     */
    int add(ItemStack stack);

    /**
     * Removes items of a type, from the first slots on.
     *
     * @param type the item type
     * @param count how many
     * @return {@code true} when there were enough and they were removed; {@code false} leaves the inventory as it
     *     was
     */
    boolean remove(String type, int count);

    /**
     * How many items of a type the inventory holds.
     *
     * @param type the item type; {@code diamond} means {@code minecraft:diamond}
     * @return the total over every slot
     */
    int count(String type);

    /**
     * The stacks, in slot order, without the empty slots.
     *
     * @return a snapshot
     */
    List<ItemStack> contents();

    /** Empties every slot. */
    void clear();
}

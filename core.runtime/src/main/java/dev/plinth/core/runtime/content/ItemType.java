package dev.plinth.core.runtime.content;

import dev.plinth.core.runtime.item.ItemStack;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of item a resource defines. Registered with {@link GameContent}; inventories honour its stack size.
 *
 * <p>Called on the game thread only.
 */
@ConsumerType
public interface ItemType {

    /**
     * The type's id.
     *
     * @return a namespaced id, for example {@code custom:ruby}
     */
    String id();

    /**
     * How many of it one inventory slot holds.
     *
     * @return from 1 to {@link ItemStack#MAX_STACK}
     */
    default int maxStackSize() {
        return ItemStack.MAX_STACK;
    }
}

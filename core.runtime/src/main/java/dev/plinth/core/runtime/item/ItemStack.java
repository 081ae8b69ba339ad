package dev.plinth.core.runtime.item;

import dev.plinth.core.runtime.Identifier;
import java.util.Map;

/**
 * A number of items of one type, as held in one inventory slot.
 *
 * @param type the namespaced item type, for example {@code minecraft:diamond}
 * @param count how many, from 1 to {@link #MAX_STACK}
 */
public record ItemStack(String type, int count) {

    /** The most items one stack holds. */
    public static final int MAX_STACK = 64;

    /**
     * Normalizes the type and checks the count.
     *
     * @throws IllegalArgumentException when the type is not a valid identifier or the count is out of range
     */
    public ItemStack {
        type = Identifier.normalize(type);
        if (count < 1 || count > MAX_STACK) {
            throw new IllegalArgumentException("an item stack holds 1 to " + MAX_STACK + " items, not " + count);
        }
    }

    /**
     * One item.
     *
     * @param type the item type; {@code bread} means {@code minecraft:bread}
     * @return a stack of one
     */
    public static ItemStack of(String type) {
        return new ItemStack(type, 1);
    }

    /**
     * The same items in another number.
     *
     * @param count the new count
     * @return the new stack
     */
    public ItemStack withCount(int count) {
        return new ItemStack(type, count);
    }

    /**
     * This stack as plain values for event payloads.
     *
     * @return {@code {type, count}}
     */
    public Map<String, Object> asMap() {
        return Map.of("type", type, "count", count);
    }

    /** Formats as {@code type x count}. */
    @Override
    public String toString() {
        return type + " x" + count;
    }
}

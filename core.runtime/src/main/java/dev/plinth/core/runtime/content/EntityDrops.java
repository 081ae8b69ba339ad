package dev.plinth.core.runtime.content;

import dev.plinth.core.runtime.item.ItemStack;
import java.util.List;

/**
 * What a dying entity leaves: items and experience.
 *
 * @param items the items it drops
 * @param xp the experience points, at least 0
 */
public record EntityDrops(List<ItemStack> items, int xp) {

    /** Nothing at all. */
    public static final EntityDrops NONE = new EntityDrops(List.of(), 0);

    /**
     * Copies the items and checks the experience.
     *
     * @throws IllegalArgumentException when the experience is negative
     */
    public EntityDrops {
        items = List.copyOf(items);
        if (xp < 0) {
            throw new IllegalArgumentException("xp must be at least 0, not " + xp);
        }
    }
}

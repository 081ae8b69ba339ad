package dev.plinth.bedrock.packs.internal.loot;

import dev.plinth.core.runtime.item.ItemStack;
import java.util.List;

/**
 * An item a loot roll gives: the stack, and what the functions that the simulated world's items cannot carry said
 * about it (a data value, enchantments), kept as data.
 *
 * @param stack the items
 * @param data what the functions added, for example {@code data 3}, {@code enchant_randomly}
 */
public record LootItem(ItemStack stack, List<String> data) {

    /** Copies the data. */
    public LootItem {
        data = List.copyOf(data);
    }

    /** Formats as {@code minecraft:diamond x2} or {@code minecraft:bow x1 (enchant_randomly)}. */
    @Override
    public String toString() {
        return stack + (data.isEmpty() ? "" : " (" + String.join(", ", data) + ")");
    }
}

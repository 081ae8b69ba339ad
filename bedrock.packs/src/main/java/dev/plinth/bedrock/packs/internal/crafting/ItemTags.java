package dev.plinth.bedrock.packs.internal.crafting;

/**
 * Which items carry an item tag, for recipe ingredients written as {@code {"tag": "minecraft:planks"}}.
 */
@FunctionalInterface
public interface ItemTags {

    /**
     * Whether an item has a tag.
     *
     * @param item the item id ({@code minecraft:oak_planks})
     * @param tag the tag ({@code minecraft:planks})
     * @return {@code true} when it has it
     */
    boolean has(String item, String tag);
}

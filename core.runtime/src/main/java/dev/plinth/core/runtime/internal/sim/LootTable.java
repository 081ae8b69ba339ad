package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.BlockState;
import java.util.List;

/** What the simulated world drops and how much health its entities have: a small fixed table. */
final class LootTable {

    /** The type of dropped-item entities. */
    static final String ITEM_ENTITY = "minecraft:item";
    /** The type of players. */
    static final String PLAYER = "minecraft:player";

    private LootTable() {}

    /** {@return what breaking a block drops} */
    static List<ItemStack> drops(BlockState block) {
        return switch (block.type()) {
            case "minecraft:air", "minecraft:bedrock", "minecraft:barrier" -> List.of();
            case "minecraft:grass_block" -> List.of(ItemStack.of("minecraft:dirt"));
            case "minecraft:stone" -> List.of(ItemStack.of("minecraft:cobblestone"));
            default -> List.of(ItemStack.of(block.type()));
        };
    }

    /** {@return what an entity of a type drops when it dies} */
    static List<ItemStack> drops(String entityType) {
        return switch (entityType) {
            case "minecraft:zombie" -> List.of(ItemStack.of("minecraft:rotten_flesh"));
            case "minecraft:skeleton" -> List.of(ItemStack.of("minecraft:bone"), ItemStack.of("minecraft:arrow"));
            case "minecraft:cow" -> List.of(ItemStack.of("minecraft:beef"), ItemStack.of("minecraft:leather"));
            default -> List.of();
        };
    }

    /** {@return the experience an entity of a type leaves} */
    static int xp(String entityType) {
        return entityType.equals(ITEM_ENTITY) ? 0 : 5;
    }

    /** {@return the most health an entity of a type has} */
    static float maxHealth(String entityType) {
        return switch (entityType) {
            case ITEM_ENTITY -> 5;
            case "minecraft:cow", "minecraft:pig", "minecraft:sheep" -> 10;
            default -> 20;
        };
    }
}

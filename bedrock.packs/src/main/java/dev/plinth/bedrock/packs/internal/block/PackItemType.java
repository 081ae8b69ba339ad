package dev.plinth.bedrock.packs.internal.block;

import dev.plinth.bedrock.packs.internal.definition.ItemDefinition;
import dev.plinth.core.runtime.content.ItemType;

/**
 * A pack's item type in the simulated world: inventories stack it to its {@code max_stack_size}.
 *
 * @param definition its definition
 */
public record PackItemType(ItemDefinition definition) implements ItemType {

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public int maxStackSize() {
        return definition.maxStackSize();
    }
}

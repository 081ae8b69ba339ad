package dev.plinth.bedrock.packs.internal.block;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.definition.BlockDefinition;
import dev.plinth.bedrock.packs.internal.loot.LootContext;
import dev.plinth.bedrock.packs.internal.loot.LootItem;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.content.BlockType;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pack's block type in the simulated world: its states (defaults filled in, unknown states and values refused),
 * and, in each state, the components its permutations give: {@code minecraft:destructible_by_mining} (whether it can
 * be broken) and {@code minecraft:loot} (what it drops; without it, the block itself). Game thread only.
 *
 * @param pack the pack that defines it
 * @param definition its definition
 * @param world the shared world services
 */
public record PackBlockType(String pack, BlockDefinition definition, PackWorld world) implements BlockType {

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public BlockState normalize(BlockState requested) {
        var states = new TreeMap<String, String>();
        requested.properties().forEach((name, value) -> {
            List<String> values = definition.states().get(name);
            if (values == null) {
                throw new IllegalArgumentException(id() + " has no state " + name + " (it has "
                        + definition.states().keySet() + ")");
            }
            if (!values.contains(value)) {
                throw new IllegalArgumentException(id() + "'s state " + name + " is one of " + values + ", not "
                        + value);
            }
            states.put(name, value);
        });
        definition.states().forEach((name, values) -> states.putIfAbsent(name, values.getFirst()));
        return new BlockState(id(), states);
    }

    @Override
    public boolean breakable(BlockState block) {
        return BlockDefinition.breakable(components(block));
    }

    @Override
    public List<ItemStack> drops(BlockState block, Optional<Player> breaker) {
        Optional<String> loot = BlockDefinition.loot(components(block));
        if (loot.isEmpty()) {
            return List.of(ItemStack.of(id()));
        }
        return world.loot().roll(pack, loot.get(), LootContext.NONE, world.random()).stream()
                .map(LootItem::stack).toList();
    }

    /**
     * The block's components in a state: its own and those of the permutations whose condition holds.
     *
     * @param block the block
     * @return component name to value
     */
    public Map<String, JsonNode> components(BlockState block) {
        var context = world.molang().newContext(block, world.molang().newVariables());
        return definition.componentsWhere(p -> p.condition().evaluate(context) != 0);
    }
}

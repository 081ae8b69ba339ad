package dev.plinth.lang.wasm.internal.abi.env;

import dev.plinth.core.runtime.world.BlockState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The block ids of one plugin ({@code mc_block_id}): each distinct block (name and properties, as
 * {@link BlockState#toString()} writes it) gets the next id from 1, for the plugin's life. At most
 * {@value #MAX_BLOCKS} distinct blocks, so a plugin cannot grow the table without bound.
 *
 * <p>Confined to the plugin's calls (one at a time).
 */
final class BlockIds {

    static final int MAX_BLOCKS = 65_536;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<BlockState> blocks = new ArrayList<>();

    /**
     * The id of a block, interned on first use.
     *
     * @param block the block
     * @return its id, or empty when the table is full
     */
    OptionalInt intern(BlockState block) {
        String key = block.toString();
        Integer known = ids.get(key);
        if (known != null) {
            return OptionalInt.of(known);
        }
        if (blocks.size() >= MAX_BLOCKS) {
            return OptionalInt.empty();
        }
        blocks.add(block);
        int id = blocks.size();
        ids.put(key, id);
        return OptionalInt.of(id);
    }

    /**
     * The block of an id.
     *
     * @param id an id {@link #intern} returned
     * @return the block, or null when the plugin never got that id
     */
    BlockState block(int id) {
        return id >= 1 && id <= blocks.size() ? blocks.get(id - 1) : null;
    }
}

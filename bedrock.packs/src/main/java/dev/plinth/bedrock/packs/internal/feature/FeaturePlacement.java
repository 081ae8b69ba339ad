package dev.plinth.bedrock.packs.internal.feature;

import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What placing a feature did: the blocks it set, in order, and the notes it left (kinds it could not place, a
 * structure placeholder, limits). Filled in by one {@link FeaturePlacer#place} call on the game thread.
 */
public final class FeaturePlacement {

    private final List<Map.Entry<BlockPos, BlockState>> blocks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Notes a block set. */
    void placed(BlockPos pos, BlockState block) {
        blocks.add(Map.entry(pos, block));
    }

    /** Notes something the user should know. */
    void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /** {@return the blocks set, in order} */
    public List<Map.Entry<BlockPos, BlockState>> blocks() {
        return List.copyOf(blocks);
    }

    /** {@return the notes} */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** {@return how many blocks of each kind were set, for example {@code minecraft:diamond_ore x6}} */
    public String counts() {
        var counts = new LinkedHashMap<String, Integer>();
        blocks.forEach(entry -> counts.merge(entry.getValue().toString(), 1, Integer::sum));
        var parts = new ArrayList<String>();
        counts.forEach((block, count) -> parts.add(block + " x" + count));
        return String.join(", ", parts);
    }
}

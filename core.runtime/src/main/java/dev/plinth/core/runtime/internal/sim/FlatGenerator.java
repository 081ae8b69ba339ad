package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import java.util.List;

/**
 * A flat world: the same layers of blocks from height 0 up everywhere, air above and below.
 *
 * @param layers the blocks from height 0 up
 * @param minHeight the lowest height (inclusive)
 * @param maxHeight the highest height (exclusive)
 */
record FlatGenerator(List<BlockState> layers, int minHeight, int maxHeight) {

    /** The generator of a dimension's world. */
    static FlatGenerator of(Dimension dimension) {
        BlockState bedrock = BlockState.of("bedrock");
        return switch (dimension) {
            case OVERWORLD -> new FlatGenerator(
                    List.of(bedrock, BlockState.of("dirt"), BlockState.of("dirt"), BlockState.of("grass_block")), -64, 320);
            case NETHER -> new FlatGenerator(List.of(bedrock, BlockState.of("netherrack"), BlockState.of("netherrack"),
                    BlockState.of("netherrack")), 0, 128);
            case THE_END -> new FlatGenerator(List.of(BlockState.of("end_stone"), BlockState.of("end_stone"),
                    BlockState.of("end_stone")), 0, 256);
        };
    }

    /** {@return the generated block at a height} */
    BlockState at(int y) {
        return y >= 0 && y < layers.size() ? layers.get(y) : BlockState.AIR;
    }

    /** {@return where players first appear: on top of the layers at the origin} */
    Position spawn() {
        return new Position(0.5, layers.size(), 0.5);
    }
}

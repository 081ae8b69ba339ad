package dev.plinth.core.runtime.world;

import java.util.Map;

/**
 * The position of a 16 x 16 column of blocks.
 *
 * @param x the chunk's x (block x divided by 16, rounded down)
 * @param z the chunk's z (block z divided by 16, rounded down)
 */
public record ChunkPos(int x, int z) {

    /** The width and depth of a chunk in blocks. */
    public static final int SIZE = 16;

    /**
     * This position as plain values for event payloads.
     *
     * @return {@code {x, z}}
     */
    public Map<String, Object> asMap() {
        return Map.of("x", x, "z", z);
    }

    /** Formats as {@code [x, z]}. */
    @Override
    public String toString() {
        return "[" + x + ", " + z + "]";
    }
}

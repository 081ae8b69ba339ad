package dev.plinth.core.runtime.world;

import java.util.Map;

/**
 * The position of one block.
 *
 * @param x east (+) / west (-)
 * @param y up (+) / down (-)
 * @param z south (+) / north (-)
 */
public record BlockPos(int x, int y, int z) {

    /**
     * The chunk this block is in.
     *
     * @return the chunk position
     */
    public ChunkPos chunk() {
        return new ChunkPos(Math.floorDiv(x, ChunkPos.SIZE), Math.floorDiv(z, ChunkPos.SIZE));
    }

    /**
     * The block at an offset from this one.
     *
     * @param dx east offset
     * @param dy up offset
     * @param dz south offset
     * @return the other block position
     */
    public BlockPos offset(int dx, int dy, int dz) {
        return new BlockPos(x + dx, y + dy, z + dz);
    }

    /**
     * The centre of the block's bottom face: where an entity standing on the block below stands.
     *
     * @return the position
     */
    public Position bottomCenter() {
        return new Position(x + 0.5, y, z + 0.5);
    }

    /**
     * This position as plain values for event payloads.
     *
     * @return {@code {x, y, z}}
     */
    public Map<String, Object> asMap() {
        return Map.of("x", x, "y", y, "z", z);
    }

    /** Formats as {@code (x, y, z)}. */
    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + z + ")";
    }
}

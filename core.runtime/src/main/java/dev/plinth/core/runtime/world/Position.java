package dev.plinth.core.runtime.world;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * An exact point in a world, in blocks.
 *
 * @param x east (+) / west (-)
 * @param y up (+) / down (-)
 * @param z south (+) / north (-)
 */
public record Position(double x, double y, double z) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a coordinate is not finite
     */
    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("a position needs finite coordinates: " + x + ", " + y + ", " + z);
        }
    }

    /**
     * The block this point is in.
     *
     * @return the block position (coordinates rounded down)
     */
    public BlockPos blockPos() {
        return new BlockPos((int) Math.floor(x), (int) Math.floor(y), (int) Math.floor(z));
    }

    /**
     * The straight-line distance to another point.
     *
     * @param other the other point
     * @return the distance in blocks
     */
    public double distance(Position other) {
        return Math.sqrt(Math.pow(x - other.x, 2) + Math.pow(y - other.y, 2) + Math.pow(z - other.z, 2));
    }

    /**
     * This position as plain values for event payloads.
     *
     * @return {@code {x, y, z}}
     */
    public Map<String, Object> asMap() {
        return Map.of("x", x, "y", y, "z", z);
    }

    /** Formats as {@code (x, y, z)} with at most two decimals. */
    @Override
    public String toString() {
        return "(" + format(x) + ", " + format(y) + ", " + format(z) + ")";
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

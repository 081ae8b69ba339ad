package dev.plinth.core.sandbox.values;

import dev.plinth.core.sandbox.internal.values.CountingBudget;
import java.util.function.LongConsumer;

/**
 * How large a value passed from a script to the host may be. Immutable.
 *
 * @param maxDepth the deepest nesting of tables (objects, arrays)
 * @param maxNodes the most values visited in one conversion, each visit of a shared table counting again
 * @param maxBytes the most bytes of strings (and keys) in one conversion, each visit counting again
 */
public record ValueBounds(int maxDepth, long maxNodes, long maxBytes) {

    /** The defaults: 32 levels, 100,000 values, 1 MiB of strings. */
    public static final ValueBounds DEFAULTS = new ValueBounds(32, 100_000, 1024 * 1024);

    /** Validates the components. */
    public ValueBounds {
        if (maxDepth < 1 || maxNodes < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("value bounds must be positive: depth " + maxDepth + ", values "
                    + maxNodes + ", bytes " + maxBytes);
        }
    }

    /**
     * Starts one conversion.
     *
     * @param resource the resource whose value it is, for messages
     * @param what what the value is, for messages ({@code the payload of mc.emit})
     * @param charge told the work done, one unit per value visited and one per 64 bytes, in batches: the host
     *     charges it to the caller's budget (and may throw from it to abort the conversion)
     * @return the budget of the conversion; confined to the converting thread
     */
    public ValueBudget budget(String resource, String what, LongConsumer charge) {
        return new CountingBudget(this, resource, what, charge);
    }
}

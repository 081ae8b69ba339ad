package dev.plinth.ops.internal.resmon;

import java.util.Objects;

/**
 * What one resource costs, as {@code resource:top} and the console show it.
 *
 * @param resource the resource
 * @param language its host's language ({@code lua}, {@code js}, {@code wasm})
 * @param msPerTickMean the mean time of its calls per tick over the last 100 ticks, in milliseconds
 * @param msPerTickMax the longest tick of those, in milliseconds
 * @param tickShare {@code msPerTickMean} as a share of the 50 ms tick budget, from 0 to 1 (or more)
 * @param calls its calls so far (handlers, commands, tasks, exported functions)
 * @param work their work so far, in its host's units (Lua instructions, JS statements, WASM fuel)
 * @param allocatedBytes what its calls allocated so far
 * @param retainedBytes the memory it keeps, as its host last measured it (0 before the first measure)
 * @param offences its calls aborted for breaking a limit
 */
public record ResourceCost(String resource, String language, double msPerTickMean, double msPerTickMax,
        double tickShare, long calls, long work, long allocatedBytes, long retainedBytes, int offences) {

    /** Validates the components. */
    public ResourceCost {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(language, "language");
    }
}

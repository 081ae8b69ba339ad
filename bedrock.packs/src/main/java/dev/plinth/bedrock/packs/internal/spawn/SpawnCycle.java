package dev.plinth.bedrock.packs.internal.spawn;

import java.util.List;

/**
 * What one spawn cycle did in a world: for each spawn rule it considered, what spawned, or why nothing did.
 * Immutable.
 *
 * @param dimension the world
 * @param centers around where it looked, one line each ({@code Steve at (0.5, 4, 0.5)})
 * @param lines one line per rule and place ({@code custom:guard: spawned #3, #4 at (3, 4, -7)}, or
 *     {@code custom:guard: not spawned: brightness 15 is outside 0..7})
 * @param spawned how many entities spawned
 */
public record SpawnCycle(String dimension, List<String> centers, List<String> lines, int spawned) {

    /** Copies the lists. */
    public SpawnCycle {
        centers = List.copyOf(centers);
        lines = List.copyOf(lines);
    }

    /** {@return what {@code sim:spawncycle} prints: a headline, then the lines} */
    public List<String> describe() {
        var all = new java.util.ArrayList<String>();
        all.add("spawn cycle in " + dimension + " around " + String.join(", ", centers) + ": " + spawned
                + " spawned");
        lines.forEach(line -> all.add("  " + line));
        return all;
    }
}

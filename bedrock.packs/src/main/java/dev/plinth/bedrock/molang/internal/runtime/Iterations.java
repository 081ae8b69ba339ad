package dev.plinth.bedrock.molang.internal.runtime;

/** How many times a {@code loop} runs, or a {@code math.die_roll} rolls. */
public final class Iterations {

    /** The most iterations of one {@code loop} and the most rolls of one {@code math.die_roll}, as in Bedrock. */
    public static final int MAX = 1024;

    private Iterations() {
    }

    /**
     * The count a number asks for.
     *
     * @param count the count argument, rounded down
     * @return from 0 to {@link #MAX}; 0 for NaN
     */
    public static int count(double count) {
        return count >= MAX ? MAX : count >= 1 ? (int) count : 0;
    }
}

package dev.plinth.core.runtime.shell;

import dev.plinth.core.runtime.simulation.SimulationException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The words given to a shell command, read against its usage line: a command with missing, extra or malformed
 * words fails with {@code ERR_INVALID_ARGUMENT: usage: sim:spawn TYPE X Y Z [DIMENSION]} (and what was wrong).
 *
 * <pre>{@code
 * public String spawn(@Descriptor("TYPE X Y Z [DIMENSION]") String... words) {
 *     var args = ShellArguments.of("sim:spawn TYPE X Y Z [DIMENSION]", words, 4, 5);
 *     return simulation.spawn(args.text(0), args.optional(4).orElse("overworld"), args.decimal(1), ...);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ShellArguments {

    private final String usage;
    private final List<String> words;

    private ShellArguments(String usage, List<String> words) {
        this.usage = usage;
        this.words = words;
    }

    /**
     * Reads a command's words.
     *
     * @param usage the command and its arguments, for example {@code sim:give NAME ITEM [COUNT]}
     * @param words what was typed after the command
     * @param min the fewest words allowed
     * @param max the most words allowed ({@link Integer#MAX_VALUE} for a trailing text)
     * @return the arguments
     * @throws SimulationException {@code ERR_INVALID_ARGUMENT} with the usage when there are too few or too many
     */
    public static ShellArguments of(String usage, String[] words, int min, int max) {
        Objects.requireNonNull(usage, "usage");
        List<String> given = List.copyOf(Arrays.asList(words));
        if (given.size() < min) {
            throw new SimulationException(SimulationException.INVALID_ARGUMENT, "usage: " + usage
                    + (given.isEmpty() ? "" : " (" + (min - given.size()) + " missing)"));
        }
        if (given.size() > max) {
            throw new SimulationException(SimulationException.INVALID_ARGUMENT, "usage: " + usage + " ("
                    + (given.size() - max) + " too many: " + String.join(" ", given.subList(max, given.size())) + ")");
        }
        return new ShellArguments(usage, given);
    }

    /** {@return how many words were given} */
    public int size() {
        return words.size();
    }

    /**
     * A word.
     *
     * @param index from 0
     * @return the word
     * @throws IndexOutOfBoundsException past the words given
     */
    public String text(int index) {
        return words.get(index);
    }

    /**
     * A word that may be missing.
     *
     * @param index from 0
     * @return the word, or empty
     */
    public Optional<String> optional(int index) {
        return index < words.size() ? Optional.of(words.get(index)) : Optional.empty();
    }

    /**
     * The words from one on, joined by spaces.
     *
     * @param from the first index
     * @return the text, empty when there are none
     */
    public String rest(int from) {
        return from >= words.size() ? "" : String.join(" ", words.subList(from, words.size()));
    }

    /**
     * A whole number.
     *
     * @param index from 0
     * @return the number
     * @throws SimulationException {@code ERR_INVALID_ARGUMENT} with the usage when it is not one
     */
    public long integer(int index) {
        try {
            return Long.parseLong(words.get(index));
        } catch (NumberFormatException e) {
            throw malformed(index, "a whole number");
        }
    }

    /**
     * A number.
     *
     * @param index from 0
     * @return the number
     * @throws SimulationException {@code ERR_INVALID_ARGUMENT} with the usage when it is not a finite number
     */
    public double decimal(int index) {
        try {
            double value = Double.parseDouble(words.get(index));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(index, "a number");
    }

    private SimulationException malformed(int index, String what) {
        return new SimulationException(SimulationException.INVALID_ARGUMENT, "usage: " + usage + " ('"
                + words.get(index) + "' is not " + what + ")");
    }
}

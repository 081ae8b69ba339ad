package dev.plinth.bedrock.molang.internal.analysis;

import java.util.List;

/**
 * The {@code temp.*} variables of one expression, numbered in order of first use; a backend gives each a local
 * (a double for a {@link Kind#NUMBER} one, an object otherwise).
 *
 * @param names the names, by number
 * @param kinds what each holds: {@link Kind#NUMBER} when every assignment stores a number and nothing asks whether
 *     it is set ({@code ??}), {@link Kind#VALUE} otherwise
 */
public record Temporaries(List<String> names, List<Kind> kinds) {

    /** Copies the lists. */
    public Temporaries {
        names = List.copyOf(names);
        kinds = List.copyOf(kinds);
    }

    /**
     * How many there are.
     *
     * @return the count
     */
    public int size() {
        return names.size();
    }

    /**
     * What one holds.
     *
     * @param index its number
     * @return its kind
     */
    public Kind kind(int index) {
        return kinds.get(index);
    }
}

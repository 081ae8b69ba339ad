package dev.plinth.bedrock.molang;

import static java.util.Objects.requireNonNull;

/**
 * A note about an expression that compiled: for example an unknown query, which evaluates to 0. Immutable.
 *
 * @param line the line of the source, from 1
 * @param column the column, from 1
 * @param message what was noticed, for example {@code unknown query 'query.is_dancing' evaluates to 0}
 */
public record MolangDiagnostic(int line, int column, String message) {

    /**
     * Validates the note.
     *
     * @throws NullPointerException when the message is null
     */
    public MolangDiagnostic {
        requireNonNull(message, "message");
    }

    /** Formats as {@code LINE:COLUMN: MESSAGE}. */
    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}

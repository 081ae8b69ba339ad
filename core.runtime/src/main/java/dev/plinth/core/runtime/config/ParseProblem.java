package dev.plinth.core.runtime.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Pattern;

/**
 * Where a JSON or TOML text stops being valid and why, as Jackson reports it, told for the person who wrote the
 * text: the line and column where the parser stopped and Jackson's reason. The reason never carries Jackson's own
 * location text ({@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3,
 * column: 7]}), which names Jackson's input instead of the file: the outer location is taken from
 * {@link JacksonException#getLocation()} and left out by {@link JacksonException#getOriginalMessage()}; a location
 * Jackson writes into the reason itself (where a mismatched or unclosed array or object began, for which it has no
 * switch) reads {@code line 3}.
 *
 * <p>Every file Plinth reads with Jackson reports its problems through this type, each adding the resource and the
 * file it names.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the line where the parser stopped, from 1; 0 when unknown
 * @param column the column there, from 1; 0 when unknown
 * @param reason what is wrong there, in Jackson's words
 */
public record ParseProblem(int line, int column, String reason) {

    /** A location inside Jackson's reason ({@code [Source: ...; line: 3, column: 13]}); group 1 is its line. */
    private static final Pattern LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: \\d+]",
            Pattern.DOTALL);

    /**
     * Tells what a Jackson parser or mapper refused.
     *
     * @param failure Jackson's exception, from reading JSON or TOML
     * @return its line, column and reason
     */
    public static ParseProblem of(JacksonException failure) {
        JsonLocation where = failure.getLocation();
        int line = where == null ? 0 : Math.max(0, where.getLineNr());
        int column = where == null ? 0 : Math.max(0, where.getColumnNr());
        String original = failure.getOriginalMessage();
        String reason = original == null ? failure.getClass().getSimpleName()
                : LOCATION.matcher(original).replaceAll("line $1");
        return new ParseProblem(line, column, reason);
    }

    /**
     * The problem in one phrase, to follow the file's name.
     *
     * @return {@code line 3: reason}, or the reason alone when the line is unknown
     */
    public String atLine() {
        return line > 0 ? "line " + line + ": " + reason : reason;
    }
}

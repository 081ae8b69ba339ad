package dev.plinth.bedrock.molang;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error Molang reports, with a {@link MolangErrorCode}, the position in the source and the source
 * itself. The message reads {@code molang: 1:27: expected ')' in "math.sin(q.life_time * 360"}.
 *
 * <p>Subclasses tell the phase: {@link MolangSyntaxException} (reading the text), {@link MolangCompileException}
 * (binding names and functions), {@link MolangEvaluationException} (running it).
 */
public abstract sealed class MolangException extends RuntimeException
        permits MolangSyntaxException, MolangCompileException, MolangEvaluationException {

    private static final long serialVersionUID = 1L;
    private static final int QUOTED_SOURCE_LIMIT = 200;

    private final MolangErrorCode code;
    private final int line;
    private final int column;
    private final String source;
    private final String detail;

    MolangException(MolangErrorCode code, int line, int column, String source, String detail,
            @Nullable Throwable cause) {
        super(format(line, column, source, detail), cause);
        this.code = requireNonNull(code, "code");
        this.line = line;
        this.column = column;
        this.source = requireNonNull(source, "source");
        this.detail = requireNonNull(detail, "detail");
    }

    /**
     * What went wrong, as a stable code.
     *
     * @return the code
     */
    public MolangErrorCode code() {
        return code;
    }

    /**
     * The line of the source where it went wrong.
     *
     * @return from 1
     */
    public int line() {
        return line;
    }

    /**
     * The column where it went wrong.
     *
     * @return from 1
     */
    public int column() {
        return column;
    }

    /**
     * The expression's text.
     *
     * @return the whole source
     */
    public String source() {
        return source;
    }

    /**
     * The message without the position and the source: {@code expected ')'}.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }

    private static String format(int line, int column, String source, String detail) {
        String shown = source.length() > QUOTED_SOURCE_LIMIT ? source.substring(0, QUOTED_SOURCE_LIMIT) + "..."
                : source;
        return "molang: " + line + ":" + column + ": " + detail + " in \"" + shown.replace("\n", "\\n") + "\"";
    }
}

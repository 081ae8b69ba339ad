package dev.plinth.bedrock.molang;

import org.jspecify.annotations.Nullable;

/**
 * A {@link MolangException} raised while running the expression: a loop past the iteration limit, a failing query, a closed scope.
 */
public final class MolangEvaluationException extends MolangException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param code what went wrong
     * @param line the line, from 1
     * @param column the column, from 1
     * @param source the expression's text
     * @param detail the message without position and source
     * @param cause the underlying failure, if any
     */
    public MolangEvaluationException(MolangErrorCode code, int line, int column, String source, String detail,
            @Nullable Throwable cause) {
        super(code, line, column, source, detail, cause);
    }
}

package dev.plinth.bedrock.molang;

import org.jspecify.annotations.Nullable;

/**
 * A {@link MolangException} raised while binding the parsed expression: an unknown namespace or function, a wrong argument count, an assignment to a query, a misplaced break, an expression too large.
 */
public final class MolangCompileException extends MolangException {

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
    public MolangCompileException(MolangErrorCode code, int line, int column, String source, String detail,
            @Nullable Throwable cause) {
        super(code, line, column, source, detail, cause);
    }
}

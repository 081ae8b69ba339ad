package dev.plinth.bedrock.molang.internal.syntax;

import dev.plinth.bedrock.molang.MolangCompileException;
import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangEvaluationException;
import dev.plinth.bedrock.molang.MolangSyntaxException;
import org.jspecify.annotations.Nullable;

/** Makes the positioned Molang errors of each phase from an offset in the source. */
public final class Failures {

    private Failures() {
    }

    /**
     * An error reading the text.
     *
     * @param code what went wrong
     * @param source the whole source
     * @param offset where, from 0
     * @param detail the message
     * @return the exception, to throw
     */
    public static MolangSyntaxException syntax(MolangErrorCode code, String source, int offset, String detail) {
        SourcePosition at = SourcePosition.of(source, offset);
        return new MolangSyntaxException(code, at.line(), at.column(), source, detail, null);
    }

    /**
     * An error binding names and functions.
     *
     * @param code what went wrong
     * @param source the whole source
     * @param offset where, from 0
     * @param detail the message
     * @return the exception, to throw
     */
    public static MolangCompileException compile(MolangErrorCode code, String source, int offset, String detail) {
        SourcePosition at = SourcePosition.of(source, offset);
        return new MolangCompileException(code, at.line(), at.column(), source, detail, null);
    }

    /**
     * An error running an expression.
     *
     * @param code what went wrong
     * @param source the whole source
     * @param offset where, from 0
     * @param detail the message
     * @param cause the underlying failure, if any
     * @return the exception, to throw
     */
    public static MolangEvaluationException evaluation(MolangErrorCode code, String source, int offset,
            String detail, @Nullable Throwable cause) {
        SourcePosition at = SourcePosition.of(source, offset);
        return new MolangEvaluationException(code, at.line(), at.column(), source, detail, cause);
    }
}

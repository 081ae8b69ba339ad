package dev.plinth.bedrock.molang;

/**
 * Why Molang refused an expression or stopped an evaluation: a stable code, one per kind of error, carried by every
 * {@link MolangException}.
 */
public enum MolangErrorCode {
    /** A character that no Molang token starts with ({@code #}, {@code $}...). */
    UNEXPECTED_CHARACTER,
    /** A string opened with {@code '} and never closed. */
    UNTERMINATED_STRING,
    /** A token where another was expected: a missing {@code )}, an operator without its operand... */
    UNEXPECTED_TOKEN,
    /** The text ended in the middle of an expression. */
    UNEXPECTED_END,
    /** A name that is no Molang namespace or keyword ({@code foo.bar}, a bare word). */
    UNKNOWN_NAME,
    /** A {@code math.} function Molang does not have. */
    UNKNOWN_FUNCTION,
    /** A function called with the wrong number of arguments. */
    WRONG_ARGUMENT_COUNT,
    /** An assignment to something other than a {@code variable.} or {@code temp.}. */
    NOT_ASSIGNABLE,
    /** {@code break} or {@code continue} outside a loop. */
    OUTSIDE_LOOP,
    /** The source is longer, or nests deeper, than the compiler takes. */
    TOO_LARGE,
    /** An evaluation ran more loop iterations than its limit allows. */
    ITERATION_LIMIT,
    /** A query threw while answering. */
    QUERY_FAILED,
    /** The expression's scope was closed, or the context belongs to another {@link Molang}. */
    UNAVAILABLE
}

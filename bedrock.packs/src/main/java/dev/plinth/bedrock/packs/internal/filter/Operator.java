package dev.plinth.bedrock.packs.internal.filter;

import java.util.Optional;

/** How a filter test compares: Bedrock's operators and their aliases. */
public enum Operator {
    /** {@code ==}, {@code =}, {@code equals} (the default). */
    EQUALS,
    /** {@code !=}, {@code <>}, {@code not}. */
    NOT_EQUALS,
    /** {@code <}. */
    LESS,
    /** {@code <=}. */
    LESS_OR_EQUAL,
    /** {@code >}. */
    GREATER,
    /** {@code >=}. */
    GREATER_OR_EQUAL;

    /**
     * Reads an operator as written.
     *
     * @param text for example {@code ==} or {@code not}
     * @return the operator, or empty when unknown
     */
    public static Optional<Operator> parse(String text) {
        return Optional.ofNullable(switch (text.strip()) {
            case "==", "=", "equals" -> EQUALS;
            case "!=", "<>", "not" -> NOT_EQUALS;
            case "<" -> LESS;
            case "<=" -> LESS_OR_EQUAL;
            case ">" -> GREATER;
            case ">=" -> GREATER_OR_EQUAL;
            default -> null;
        });
    }

    /**
     * Compares two numbers.
     *
     * @param actual what the subject has
     * @param expected what the filter says
     * @return the outcome
     */
    public boolean compare(double actual, double expected) {
        return switch (this) {
            case EQUALS -> actual == expected;
            case NOT_EQUALS -> actual != expected;
            case LESS -> actual < expected;
            case LESS_OR_EQUAL -> actual <= expected;
            case GREATER -> actual > expected;
            case GREATER_OR_EQUAL -> actual >= expected;
        };
    }

    /**
     * Applies the operator to an equality: {@code ==} keeps it, {@code !=} inverts it; the ordering operators
     * compare {@code true} as 1.
     *
     * @param equal whether the two sides are equal
     * @return the outcome
     */
    public boolean matches(boolean equal) {
        return this == NOT_EQUALS ? !equal : this == EQUALS ? equal : compare(equal ? 1 : 0, 1);
    }
}

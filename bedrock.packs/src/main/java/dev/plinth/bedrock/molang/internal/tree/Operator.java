package dev.plinth.bedrock.molang.internal.tree;

/** The binary operators. */
public enum Operator {
    /** {@code +}. */
    ADD("+"),
    /** {@code -}. */
    SUBTRACT("-"),
    /** {@code *}. */
    MULTIPLY("*"),
    /** {@code /}. */
    DIVIDE("/"),
    /** {@code <}. */
    LESS("<"),
    /** {@code <=}. */
    LESS_EQUAL("<="),
    /** {@code >}. */
    GREATER(">"),
    /** {@code >=}. */
    GREATER_EQUAL(">="),
    /** {@code ==}. */
    EQUAL("=="),
    /** {@code !=}. */
    NOT_EQUAL("!="),
    /** {@code &&}. */
    AND("&&"),
    /** {@code ||}. */
    OR("||"),
    /** {@code ??}. */
    COALESCE("??");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /**
     * How the operator is written.
     *
     * @return for example {@code <=}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether the operator compares numbers and yields 1 or 0.
     *
     * @return {@code true} for {@code < <= > >=}
     */
    public boolean isRelational() {
        return this == LESS || this == LESS_EQUAL || this == GREATER || this == GREATER_EQUAL;
    }

    /**
     * Whether the operator does arithmetic.
     *
     * @return {@code true} for {@code + - * /}
     */
    public boolean isArithmetic() {
        return this == ADD || this == SUBTRACT || this == MULTIPLY || this == DIVIDE;
    }
}

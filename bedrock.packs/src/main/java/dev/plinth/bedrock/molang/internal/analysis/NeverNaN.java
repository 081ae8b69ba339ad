package dev.plinth.bedrock.molang.internal.analysis;

import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;

/**
 * Which bound nodes can never yield NaN as a number: constants that are not NaN, truth values (0 or 1), and
 * conditionals, negations and assignments made only of such nodes. Conservative: a query, a variable, arithmetic or
 * a math function may yield NaN, so they never count. A compiler uses it to store a number's raw bits without making
 * its NaN the canonical one.
 *
 * <p>Stateless and thread-safe.
 */
public final class NeverNaN {

    private NeverNaN() {
    }

    /**
     * Whether a node, evaluated as a number, can never be NaN.
     *
     * @param node a bound node
     * @return {@code true} when it is never NaN; {@code false} when it may be
     */
    public static boolean of(Node node) {
        return switch (node) {
            case Node.Number(double value) -> !Double.isNaN(value);
            case Node.Constant constant -> !Double.isNaN(constant.value().asNumber());
            case Node.Text text -> true; // a text is 0 as a number
            case Node.Not not -> true;
            case Node.Binary b -> b.operator() != Operator.COALESCE && !b.operator().isArithmetic();
            case Node.Conditional c -> of(c.then()) && (c.otherwise() == null || of(c.otherwise()));
            case Node.Negate n -> of(n.operand());
            case Node.Assign a -> of(a.value());
            default -> false;
        };
    }
}

package dev.plinth.bedrock.molang.internal.analysis;

import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.runtime.Values;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import org.jspecify.annotations.Nullable;

/**
 * Constant folding: an operation whose operands are constants becomes its result at compile time, with the same
 * arithmetic the backends use, so folding never changes a value. Random functions are never folded.
 */
final class Folding {

    private Folding() {
    }

    static boolean isConstant(Node node) {
        return node instanceof Node.Number || node instanceof Node.Text || node instanceof Node.Constant;
    }

    static MolangValue constant(Node node) {
        return switch (node) {
            case Node.Number n -> new MolangValue.Number(n.value());
            case Node.Text t -> new MolangValue.Text(t.value());
            case Node.Constant c -> c.value();
            default -> throw new AssertionError(node);
        };
    }

    private static Node number(boolean value) {
        return new Node.Number(value ? 1 : 0);
    }

    static Node negate(Node operand) {
        return operand instanceof Node.Number(double v) ? new Node.Number(-v) : new Node.Negate(operand);
    }

    static Node not(Node operand) {
        return isConstant(operand) ? number(!Values.truth(constant(operand))) : new Node.Not(operand);
    }

    /**
     * The value of an arithmetic or comparison operator on two numbers, as both backends compute it.
     *
     * @param operator an arithmetic or relational operator
     * @param a the left operand
     * @param b the right operand
     * @return the result
     */
    static double apply(Operator operator, double a, double b) {
        return switch (operator) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case LESS -> a < b ? 1 : 0;
            case LESS_EQUAL -> a <= b ? 1 : 0;
            case GREATER -> a > b ? 1 : 0;
            case GREATER_EQUAL -> a >= b ? 1 : 0;
            default -> throw new AssertionError(operator);
        };
    }

    static Node binary(Operator operator, Node left, Node right) {
        if ((operator.isArithmetic() || operator.isRelational())
                && left instanceof Node.Number(double a) && right instanceof Node.Number(double b)) {
            return new Node.Number(apply(operator, a, b));
        }
        boolean constantLeft = isConstant(left);
        return switch (operator) {
            case EQUAL, NOT_EQUAL -> constantLeft && isConstant(right)
                    ? number(Values.equal(constant(left), constant(right)) == (operator == Operator.EQUAL))
                    : new Node.Binary(operator, left, right);
            case AND -> constantLeft && !Values.truth(constant(left)) ? number(false)
                    : constantLeft && isConstant(right) ? number(Values.truth(constant(right)))
                    : new Node.Binary(operator, left, right);
            case OR -> constantLeft && Values.truth(constant(left)) ? number(true)
                    : constantLeft && isConstant(right) ? number(Values.truth(constant(right)))
                    : new Node.Binary(operator, left, right);
            case COALESCE -> constantLeft ? left : new Node.Binary(operator, left, right);
            default -> new Node.Binary(operator, left, right);
        };
    }

    static Node conditional(Node condition, Node then, @Nullable Node otherwise) {
        if (!isConstant(condition)) {
            return new Node.Conditional(condition, then, otherwise);
        }
        if (Values.truth(constant(condition))) {
            return then;
        }
        return otherwise == null ? new Node.Number(0) : otherwise;
    }

    static Node math(Node.MathCall call) {
        if (call.function().isRandom()) {
            return call;
        }
        double[] args = new double[call.arguments().size()];
        for (int i = 0; i < args.length; i++) {
            if (!(call.arguments().get(i) instanceof Node.Number(double v))) {
                return call;
            }
            args[i] = v;
        }
        return new Node.Number(call.function().apply(null, args));
    }

    static Node index(Node target, Node index) {
        if (target instanceof Node.Constant(MolangValue array) && index instanceof Node.Number(double i)) {
            MolangValue element = Values.element(array, i);
            return element == null ? new Node.Number(0) : switch (element) {
                case MolangValue.Number n -> new Node.Number(n.value());
                case MolangValue.Text t -> new Node.Text(t.value());
                default -> new Node.Constant(element);
            };
        }
        return new Node.Index(target, index);
    }
}

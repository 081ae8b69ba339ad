package dev.plinth.bedrock.molang.internal.tree;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.math.MathFunction;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tree of a Molang expression. The parser makes the name forms ({@link QueryCall} without a binding,
 * {@link Variable} without a slot, {@link FunctionCall}, {@link ArrayReference}); the resolver replaces them with
 * bound forms ({@link QueryCall} with its query, {@link Variable} with its slot, {@link MathCall}, {@link Constant}),
 * which is what the backends compile. Offsets point into the source, for error messages.
 */
public sealed interface Node {

    /**
     * The direct sub-expressions, in evaluation order.
     *
     * @return the children, empty for a leaf
     */
    List<Node> children();

    /**
     * A number literal, {@code true} / {@code false}, or a folded constant.
     *
     * @param value the number
     */
    record Number(double value) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /**
     * A string literal, or a resource reference ({@code geometry.default}).
     *
     * @param value the characters
     */
    record Text(String value) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /**
     * A constant of another kind (a resolved array).
     *
     * @param value the value
     */
    record Constant(MolangValue value) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /** {@code this}. */
    record This() implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /**
     * {@code query.NAME} or {@code query.NAME(args)}.
     *
     * @param name the name without {@code query.}
     * @param arguments the arguments
     * @param query the bound query, null until resolved
     * @param constantArguments the arguments evaluated at compile time when they are all constants, else null
     * @param cost the loop iterations one call takes from the evaluation's limit
     * @param offset where it starts
     */
    record QueryCall(String name, List<Node> arguments, @Nullable MolangQuery query,
            @Nullable MolangArguments constantArguments, int cost, int offset) implements Node {
        /** Copies the lists. */
        public QueryCall {
            arguments = List.copyOf(arguments);
        }

        @Override
        public List<Node> children() {
            return arguments;
        }
    }

    /**
     * {@code variable.NAME}, {@code temp.NAME} or {@code context.NAME}.
     *
     * @param namespace where it lives
     * @param name the name, members joined with dots ({@code dance.x})
     * @param slot the slot in its store (or the temporary's number), -1 until resolved
     * @param offset where it starts
     */
    record Variable(Namespace namespace, String name, int slot, int offset) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }

        /**
         * How the source names it.
         *
         * @return for example {@code variable.dance.x}
         */
        public String qualifiedName() {
            return namespace.prefix() + "." + name;
        }
    }

    /**
     * {@code array.NAME}, unresolved.
     *
     * @param name the name without {@code array.}
     * @param offset where it starts
     */
    record ArrayReference(String name, int offset) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /**
     * {@code target[index]}.
     *
     * @param target the array
     * @param index the index, rounded down, clamped at 0 and wrapped around the array's size
     */
    record Index(Node target, Node index) implements Node {
        @Override
        public List<Node> children() {
            return List.of(target, index);
        }
    }

    /**
     * {@code math.NAME(args)}, unresolved.
     *
     * @param name the name without {@code math.}
     * @param arguments the arguments
     * @param offset where it starts
     */
    record FunctionCall(String name, List<Node> arguments, int offset) implements Node {
        /** Copies the lists. */
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }

        @Override
        public List<Node> children() {
            return arguments;
        }
    }

    /**
     * A resolved {@code math.} call.
     *
     * @param function the function
     * @param arguments the arguments, as many as it takes
     * @param offset where it starts
     */
    record MathCall(MathFunction function, List<Node> arguments, int offset) implements Node {
        /** Copies the lists. */
        public MathCall {
            arguments = List.copyOf(arguments);
        }

        @Override
        public List<Node> children() {
            return arguments;
        }
    }

    /**
     * {@code -operand}.
     *
     * @param operand the operand
     */
    record Negate(Node operand) implements Node {
        @Override
        public List<Node> children() {
            return List.of(operand);
        }
    }

    /**
     * {@code !operand}.
     *
     * @param operand the operand
     */
    record Not(Node operand) implements Node {
        @Override
        public List<Node> children() {
            return List.of(operand);
        }
    }

    /**
     * {@code left OP right}.
     *
     * @param operator the operator
     * @param left the left operand
     * @param right the right operand
     */
    record Binary(Operator operator, Node left, Node right) implements Node {
        @Override
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    /**
     * {@code condition ? then : otherwise}, or {@code condition ? then} (0 when false).
     *
     * @param condition the test
     * @param then the value when it holds
     * @param otherwise the value when it does not, null for the binary form
     */
    record Conditional(Node condition, Node then, @Nullable Node otherwise) implements Node {
        @Override
        public List<Node> children() {
            return otherwise == null ? List.of(condition, then) : List.of(condition, then, otherwise);
        }
    }

    /**
     * {@code target = value}; yields the value.
     *
     * @param target a variable or temporary
     * @param value the new value
     */
    record Assign(Variable target, Node value) implements Node {
        @Override
        public List<Node> children() {
            return List.of(target, value);
        }
    }

    /**
     * {@code { statements }}; yields 0 (its statements run for their effects and their {@code return}).
     *
     * @param statements the statements
     */
    record Block(List<Node> statements) implements Node {
        /** Copies the lists. */
        public Block {
            statements = List.copyOf(statements);
        }

        @Override
        public List<Node> children() {
            return statements;
        }
    }

    /**
     * {@code loop(count, body)}: runs the body count times (at most 1024); yields 0.
     *
     * @param count how many times, evaluated once
     * @param body the body
     * @param offset where it starts
     */
    record Loop(Node count, Node body, int offset) implements Node {
        @Override
        public List<Node> children() {
            return List.of(count, body);
        }
    }

    /**
     * {@code for_each(variable, array, body)}: runs the body once per element, the variable set to it; yields 0.
     *
     * @param variable a variable or temporary
     * @param array the array
     * @param body the body
     * @param offset where it starts
     */
    record ForEach(Variable variable, Node array, Node body, int offset) implements Node {
        @Override
        public List<Node> children() {
            return List.of(variable, array, body);
        }
    }

    /**
     * {@code break}.
     *
     * @param offset where it is
     */
    record Break(int offset) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /**
     * {@code continue}.
     *
     * @param offset where it is
     */
    record Continue(int offset) implements Node {
        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /**
     * {@code return value}: ends the evaluation with that value.
     *
     * @param value the value
     */
    record Return(Node value) implements Node {
        @Override
        public List<Node> children() {
            return List.of(value);
        }
    }

    /**
     * {@code target->expression}: the expression evaluated in another entity's context; 0 when the target is no
     * entity.
     *
     * @param target yields the entity
     * @param expression what to evaluate there
     */
    record Arrow(Node target, Node expression) implements Node {
        @Override
        public List<Node> children() {
            return List.of(target, expression);
        }
    }

    /**
     * A whole expression or program.
     *
     * @param statements the statements
     * @param complex whether it is a program of {@code ;} statements, which yields its {@code return} value or 0;
     *     a simple expression yields its own value
     */
    record Program(List<Node> statements, boolean complex) implements Node {
        /** Copies the lists. */
        public Program {
            statements = List.copyOf(statements);
        }

        @Override
        public List<Node> children() {
            return statements;
        }
    }
}

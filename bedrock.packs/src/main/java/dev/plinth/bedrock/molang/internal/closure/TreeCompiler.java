package dev.plinth.bedrock.molang.internal.closure;

import static dev.plinth.bedrock.molang.internal.runtime.CompiledExpression.iterationLimit;
import static dev.plinth.bedrock.molang.internal.runtime.CompiledExpression.queryFailed;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.analysis.Kind;
import dev.plinth.bedrock.molang.internal.analysis.Resolved;
import dev.plinth.bedrock.molang.internal.math.MathFunction;
import dev.plinth.bedrock.molang.internal.runtime.Arguments;
import dev.plinth.bedrock.molang.internal.runtime.ContextImpl;
import dev.plinth.bedrock.molang.internal.runtime.Iterations;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import dev.plinth.bedrock.molang.internal.runtime.Values;
import dev.plinth.bedrock.molang.internal.tree.Namespace;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a bound tree into a tree of lambdas, each bound once to its children, its query, its slot: evaluating
 * is calling the root. Numbers stay primitive doubles; strings and values are used only where the tree's kinds ask
 * for them.
 */
final class TreeCompiler {

    private final Resolved resolved;
    private final String source;
    private final MolangEngine engine;
    private final boolean returnsNumbers;

    TreeCompiler(Resolved resolved, MolangEngine engine) {
        this.resolved = resolved;
        this.source = resolved.source();
        this.engine = engine;
        this.returnsNumbers = resolved.kind() == Kind.NUMBER;
    }

    private Kind kind(Node node) {
        return resolved.kindOf(node);
    }

    // ---- numbers

    Code.OfNumber number(Node node) {
        return switch (node) {
            case Node.Number(double v) -> f -> v;
            case Node.Text t -> f -> 0;
            case Node.Constant(MolangValue c) -> {
                double v = c.asNumber();
                yield f -> v;
            }
            case Node.This t -> f -> f.call.thisValue;
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfNumber query -> numberQuery(q, query);
            case Node.Variable v -> variableNumber(v);
            case Node.MathCall m -> math(m);
            case Node.Negate(Node operand) -> {
                Code.OfNumber a = number(operand);
                yield f -> -a.run(f);
            }
            case Node.Binary b when b.operator().isArithmetic() -> arithmetic(b);
            case Node.Binary b when b.operator() == Operator.COALESCE -> coalesceNumber(b);
            case Node.Not n -> truthAsNumber(node);
            case Node.Binary b -> truthAsNumber(node);
            case Node.Conditional c -> {
                Code.OfTruth test = truth(c.condition());
                Code.OfNumber then = number(c.then());
                Code.OfNumber otherwise = c.otherwise() == null ? f -> 0 : number(c.otherwise());
                yield f -> test.run(f) ? then.run(f) : otherwise.run(f);
            }
            case Node.Assign a -> assignNumber(a);
            case Node.Block b -> block(b.statements());
            case Node.Loop l -> loop(l);
            case Node.ForEach e -> forEach(e);
            case Node.Break b -> f -> {
                throw Jump.BREAK;
            };
            case Node.Continue c -> f -> {
                throw Jump.CONTINUE;
            };
            case Node.Return r -> returning(r);
            default -> {
                Code.OfValue v = value(node);
                yield f -> Values.number(v.run(f));
            }
        };
    }

    private Code.OfNumber truthAsNumber(Node node) {
        Code.OfTruth t = truth(node);
        return f -> t.run(f) ? 1 : 0;
    }

    private Code.OfNumber variableNumber(Node.Variable v) {
        int slot = v.slot();
        return switch (v.namespace()) {
            case VARIABLE -> f -> f.entity.variables.number(slot);
            case CONTEXT -> f -> f.call.context.number(slot);
            case TEMP -> resolved.temporaries().kind(slot) == Kind.NUMBER ? f -> f.numbers[slot]
                    : f -> Values.number(f.values[slot]);
        };
    }

    private Code.OfNumber arithmetic(Node.Binary b) {
        Code.OfNumber l = number(b.left());
        Code.OfNumber r = number(b.right());
        return switch (b.operator()) {
            case ADD -> f -> l.run(f) + r.run(f);
            case SUBTRACT -> f -> l.run(f) - r.run(f);
            case MULTIPLY -> f -> l.run(f) * r.run(f);
            case DIVIDE -> f -> l.run(f) / r.run(f);
            default -> throw new AssertionError(b.operator());
        };
    }

    private Code.OfNumber coalesceNumber(Node.Binary b) {
        Code.OfNumber otherwise = number(b.right());
        if (kind(b.left()) == Kind.NUMBER) {
            return number(b.left());
        }
        if (b.left() instanceof Node.Variable v && v.namespace() != Namespace.TEMP) {
            int slot = v.slot();
            return v.namespace() == Namespace.VARIABLE
                    ? f -> f.entity.variables.isSet(slot) ? f.entity.variables.number(slot) : otherwise.run(f)
                    : f -> f.call.context.isSet(slot) ? f.call.context.number(slot) : otherwise.run(f);
        }
        Code.OfValue first = value(b.left());
        return f -> {
            MolangValue v = first.run(f);
            return v != null ? v.asNumber() : otherwise.run(f);
        };
    }

    private Code.OfNumber math(Node.MathCall m) {
        List<Node> arguments = m.arguments();
        Code.OfNumber a = arguments.size() > 0 ? number(arguments.get(0)) : null;
        Code.OfNumber b = arguments.size() > 1 ? number(arguments.get(1)) : null;
        Code.OfNumber c = arguments.size() > 2 ? number(arguments.get(2)) : null;
        int offset = m.offset();
        return switch (m.function().implementation()) {
            case DoubleSupplier s -> {
                double v = s.getAsDouble();
                yield f -> v;
            }
            case DoubleUnaryOperator op -> f -> op.applyAsDouble(a.run(f));
            case DoubleBinaryOperator op -> f -> op.applyAsDouble(a.run(f), b.run(f));
            case MathFunction.Ternary op -> f -> op.apply(a.run(f), b.run(f), c.run(f));
            case MathFunction.RandomBinary op -> f -> op.apply(f.call.random, a.run(f), b.run(f));
            case MathFunction.RandomTernary op -> f -> {
                double count = a.run(f);
                charge(f, Iterations.count(count), offset);
                return op.apply(f.call.random, count, b.run(f), c.run(f));
            };
            default -> throw new AssertionError(m.function());
        };
    }

    private Code.OfNumber assignNumber(Node.Assign a) {
        Node.Variable target = a.target();
        int slot = target.slot();
        if (target.namespace() == Namespace.TEMP && resolved.temporaries().kind(slot) == Kind.NUMBER) {
            Code.OfNumber v = number(a.value());
            return f -> f.numbers[slot] = v.run(f);
        }
        if (target.namespace() == Namespace.VARIABLE && kind(a.value()) == Kind.NUMBER) {
            Code.OfNumber v = number(a.value());
            return f -> {
                double d = v.run(f);
                f.entity.variables.setNumber(slot, d);
                return d;
            };
        }
        Code.OfValue v = assignValue(a);
        return f -> Values.number(v.run(f));
    }

    private Code.OfNumber block(List<Node> statements) {
        Code.OfNumber[] codes = statements.stream().map(this::number).toArray(Code.OfNumber[]::new);
        return f -> {
            for (Code.OfNumber code : codes) {
                code.run(f);
            }
            return 0;
        };
    }

    private Code.OfNumber loop(Node.Loop l) {
        Code.OfNumber count = number(l.count());
        Code.OfNumber body = number(l.body());
        int offset = l.offset();
        return f -> {
            for (int i = Iterations.count(count.run(f)); i > 0; i--) {
                if (!iterate(f, body, offset)) {
                    break;
                }
            }
            return 0;
        };
    }

    private Code.OfNumber forEach(Node.ForEach e) {
        Code.OfValue array = value(e.array());
        Code.OfNumber body = number(e.body());
        int slot = e.variable().slot();
        boolean temporary = e.variable().namespace() == Namespace.TEMP;
        int offset = e.offset();
        return f -> {
            for (MolangValue element : Values.elements(array.run(f))) {
                if (temporary) {
                    f.values[slot] = element;
                } else {
                    f.entity.variables.setValue(slot, element);
                }
                if (!iterate(f, body, offset)) {
                    break;
                }
            }
            return 0;
        };
    }

    /** Takes iterations from the evaluation's budget: a loop's turn, dice rolls, a costly query's call. */
    private void charge(Frame f, int iterations, int offset) {
        f.budget -= iterations;
        if (f.budget < 0) {
            throw iterationLimit(source, offset, engine.iterationLimit());
        }
    }

    /**
     * Runs one iteration of a loop's body, charged to the evaluation's budget.
     *
     * @return {@code false} when the body broke out of the loop
     */
    private boolean iterate(Frame f, Code.OfNumber body, int offset) {
        charge(f, 1, offset);
        try {
            body.run(f);
            return true;
        } catch (Jump jump) {
            if (jump == Jump.BREAK) {
                return false;
            } else if (jump == Jump.CONTINUE) {
                return true;
            }
            throw jump;
        }
    }

    private Code.OfNumber returning(Node.Return r) {
        if (returnsNumbers) {
            Code.OfNumber v = number(r.value());
            return f -> {
                f.returnedNumber = v.run(f);
                throw Jump.RETURN;
            };
        }
        Code.OfValue v = value(r.value());
        return f -> {
            f.returnedValue = v.run(f);
            throw Jump.RETURN;
        };
    }

    // ---- values

    Code.OfValue value(Node node) {
        return switch (node) {
            case Node.Number(double v) -> {
                MolangValue boxed = Values.box(v);
                yield f -> boxed;
            }
            case Node.Text(String t) -> {
                MolangValue boxed = new MolangValue.Text(t);
                yield f -> boxed;
            }
            case Node.Constant(MolangValue c) -> f -> c;
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfValue query -> valueQuery(q, query);
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfText -> {
                Code.OfText t = text(q);
                yield f -> Values.box(t.run(f));
            }
            case Node.Variable v when !(v.namespace() == Namespace.TEMP
                    && resolved.temporaries().kind(v.slot()) == Kind.NUMBER) -> variableValue(v);
            case Node.Index i -> {
                Code.OfValue target = value(i.target());
                Code.OfNumber index = number(i.index());
                yield f -> Values.element(target.run(f), index.run(f));
            }
            case Node.Binary b when b.operator() == Operator.COALESCE -> {
                Code.OfValue first = value(b.left());
                Code.OfValue otherwise = value(b.right());
                yield f -> {
                    MolangValue v = first.run(f);
                    return v != null ? v : otherwise.run(f);
                };
            }
            case Node.Conditional c -> {
                Code.OfTruth test = truth(c.condition());
                Code.OfValue then = value(c.then());
                Code.OfValue otherwise = c.otherwise() == null ? f -> MolangValue.ZERO : value(c.otherwise());
                yield f -> test.run(f) ? then.run(f) : otherwise.run(f);
            }
            case Node.Assign a -> assignValue(a);
            case Node.Arrow a -> {
                Code.OfValue target = value(a.target());
                Code.OfValue there = value(a.expression());
                yield f -> {
                    ContextImpl other = Values.entity(target.run(f), engine);
                    if (other == null) {
                        return null;
                    }
                    ContextImpl saved = f.entity;
                    f.entity = other;
                    try {
                        return there.run(f);
                    } finally {
                        f.entity = saved;
                    }
                };
            }
            default -> {
                Code.OfNumber n = number(node);
                yield f -> Values.box(n.run(f));
            }
        };
    }

    private Code.OfValue variableValue(Node.Variable v) {
        int slot = v.slot();
        return switch (v.namespace()) {
            case VARIABLE -> f -> f.entity.variables.value(slot);
            case CONTEXT -> f -> f.call.context.value(slot);
            case TEMP -> f -> f.values[slot];
        };
    }

    private Code.OfValue assignValue(Node.Assign a) {
        Node.Variable target = a.target();
        int slot = target.slot();
        Code.OfValue v = value(a.value());
        return switch (target.namespace()) {
            case TEMP -> resolved.temporaries().kind(slot) == Kind.NUMBER
                    ? f -> {
                        MolangValue x = v.run(f);
                        f.numbers[slot] = Values.number(x);
                        return x;
                    }
                    : f -> f.values[slot] = v.run(f);
            case VARIABLE -> f -> {
                MolangValue x = v.run(f);
                f.entity.variables.setValue(slot, x);
                return x;
            };
            case CONTEXT -> throw new AssertionError("context values are read-only");
        };
    }

    // ---- strings and conditions

    Code.OfText text(Node node) {
        return switch (node) {
            case Node.Text(String t) -> f -> t;
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfText query -> {
                Function<Frame, @Nullable String> ask = asking(q, query::get);
                yield ask::apply;
            }
            case Node.Conditional c when c.otherwise() != null && kind(c.then()) == Kind.TEXT
                    && kind(c.otherwise()) == Kind.TEXT -> {
                Code.OfTruth test = truth(c.condition());
                Code.OfText then = text(c.then());
                Code.OfText otherwise = text(c.otherwise());
                yield f -> test.run(f) ? then.run(f) : otherwise.run(f);
            }
            default -> {
                Code.OfValue v = value(node);
                yield f -> Values.text(v.run(f));
            }
        };
    }

    Code.OfTruth truth(Node node) {
        return switch (node) {
            case Node.Not(Node operand) -> {
                Code.OfTruth t = truth(operand);
                yield f -> !t.run(f);
            }
            case Node.Binary b when b.operator() == Operator.AND -> {
                Code.OfTruth l = truth(b.left());
                Code.OfTruth r = truth(b.right());
                yield f -> l.run(f) && r.run(f);
            }
            case Node.Binary b when b.operator() == Operator.OR -> {
                Code.OfTruth l = truth(b.left());
                Code.OfTruth r = truth(b.right());
                yield f -> l.run(f) || r.run(f);
            }
            case Node.Binary b when b.operator().isRelational() -> relational(b);
            case Node.Binary b when b.operator() == Operator.EQUAL -> equality(b);
            case Node.Binary b when b.operator() == Operator.NOT_EQUAL -> {
                Code.OfTruth equal = equality(b);
                yield f -> !equal.run(f);
            }
            default -> switch (kind(node)) {
                case NUMBER -> {
                    Code.OfNumber n = number(node);
                    yield f -> n.run(f) != 0;
                }
                case TEXT -> {
                    Code.OfText t = text(node);
                    yield f -> Values.truth(t.run(f));
                }
                case VALUE -> {
                    Code.OfValue v = value(node);
                    yield f -> Values.truth(v.run(f));
                }
            };
        };
    }

    private Code.OfTruth relational(Node.Binary b) {
        Code.OfNumber l = number(b.left());
        Code.OfNumber r = number(b.right());
        return switch (b.operator()) {
            case LESS -> f -> l.run(f) < r.run(f);
            case LESS_EQUAL -> f -> l.run(f) <= r.run(f);
            case GREATER -> f -> l.run(f) > r.run(f);
            case GREATER_EQUAL -> f -> l.run(f) >= r.run(f);
            default -> throw new AssertionError(b.operator());
        };
    }

    private Code.OfTruth equality(Node.Binary b) {
        Kind left = kind(b.left());
        Kind right = kind(b.right());
        if (left == Kind.NUMBER && right == Kind.NUMBER) {
            Code.OfNumber l = number(b.left());
            Code.OfNumber r = number(b.right());
            return f -> l.run(f) == r.run(f);
        }
        if (left == Kind.TEXT && right == Kind.TEXT) {
            Code.OfText l = text(b.left());
            Code.OfText r = text(b.right());
            return f -> Objects.equals(l.run(f), r.run(f));
        }
        if (left == Kind.NUMBER && right == Kind.VALUE) {
            return valueEqualsNumber(b.right(), number(b.left()));
        }
        if (left == Kind.VALUE && right == Kind.NUMBER) {
            return valueEqualsNumber(b.left(), number(b.right()));
        }
        if (left == Kind.TEXT && right == Kind.VALUE || left == Kind.VALUE && right == Kind.TEXT) {
            Code.OfValue v = value(left == Kind.VALUE ? b.left() : b.right());
            Code.OfText t = text(left == Kind.TEXT ? b.left() : b.right());
            return f -> Values.equalText(v.run(f), t.run(f));
        }
        Code.OfValue l = value(b.left());
        Code.OfValue r = value(b.right());
        return f -> Values.equal(l.run(f), r.run(f));
    }

    private Code.OfTruth valueEqualsNumber(Node valueSide, Code.OfNumber number) {
        if (valueSide instanceof Node.Variable v && v.namespace() == Namespace.VARIABLE) {
            int slot = v.slot();
            return f -> f.entity.variables.numberEquals(slot, number.run(f));
        }
        Code.OfValue value = value(valueSide);
        return f -> Values.equalNumber(value.run(f), number.run(f));
    }

    // ---- queries

    /** How a query of one kind is called: the lambda that asks it. */
    @FunctionalInterface
    private interface Ask<T> {
        T ask(ContextImpl entity, MolangArguments arguments);
    }

    /** Calls a query with its arguments, a failure named after it. */
    private <T> Function<Frame, T> asking(Node.QueryCall q, Ask<T> query) {
        Function<Frame, MolangArguments> arguments = arguments(q);
        String name = q.name();
        int offset = q.offset();
        int cost = q.cost();
        return f -> {
            charge(f, cost, offset);
            MolangArguments args = arguments.apply(f);
            try {
                return query.ask(f.entity, args);
            } catch (RuntimeException e) {
                throw queryFailed(e, source, offset, name);
            }
        };
    }

    private Code.OfNumber numberQuery(Node.QueryCall q, MolangQuery.OfNumber query) {
        MolangArguments constant = q.constantArguments();
        if (constant != null && q.cost() == 0) {
            String name = q.name();
            int offset = q.offset();
            return f -> {
                try {
                    return query.get(f.entity, constant);
                } catch (RuntimeException e) {
                    throw queryFailed(e, source, offset, name);
                }
            };
        }
        Function<Frame, Double> boxed = asking(q, query::get);
        return f -> boxed.apply(f);
    }

    private Code.OfValue valueQuery(Node.QueryCall q, MolangQuery.OfValue query) {
        Function<Frame, @Nullable MolangValue> ask = asking(q, query::get);
        return ask::apply;
    }

    private Function<Frame, MolangArguments> arguments(Node.QueryCall q) {
        MolangArguments constant = q.constantArguments();
        if (constant != null) {
            return f -> constant;
        }
        Code.OfValue[] codes = q.arguments().stream().map(this::value).toArray(Code.OfValue[]::new);
        return f -> {
            var values = new @Nullable MolangValue[codes.length];
            for (int i = 0; i < codes.length; i++) {
                values[i] = codes[i].run(f);
            }
            return new Arguments(values);
        };
    }
}

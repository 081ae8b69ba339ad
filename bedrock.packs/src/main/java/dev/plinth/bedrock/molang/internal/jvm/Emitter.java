package dev.plinth.bedrock.molang.internal.jvm;

import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.API_ARGUMENTS;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.API_CONTEXT;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.ARGUMENTS;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.COMPILED;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.CONTEXT;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.ENGINE;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.ITERATIONS;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.LIST;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.RANDOM;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.STORE;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.VALUE;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.VALUES;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.desc;
import static dev.plinth.bedrock.molang.internal.jvm.Descriptors.method;
import static java.lang.constant.ConstantDescs.CD_Double;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.analysis.Kind;
import dev.plinth.bedrock.molang.internal.analysis.NeverNaN;
import dev.plinth.bedrock.molang.internal.analysis.Resolved;
import dev.plinth.bedrock.molang.internal.math.MathFunction;
import dev.plinth.bedrock.molang.internal.runtime.VariableStore;
import dev.plinth.bedrock.molang.internal.tree.Namespace;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * Writes the body of one evaluation method ({@code evaluate}, yielding a double, or {@code evaluateValue},
 * yielding a value) from a bound tree. Numbers stay on the operand stack as doubles; conditions become branches;
 * temporaries are locals; {@code return} returns; {@code break} and {@code continue} jump; queries, functions and
 * constants are loaded from the class data.
 */
final class Emitter {


    private record LoopLabels(Label next, Label exit) {
    }

    private final Resolved resolved;
    private final CompiledScope scope;
    private final ClassData data;
    private final CodeBuilder code;
    private final boolean yieldsValue;
    private final int iterationLimit;
    private final int call;
    private final int[] temporaries;
    private final int budget;
    private final Deque<LoopLabels> loops = new ArrayDeque<>();
    private int entity;
    /** The local holding the evaluated entity's variable store, or -1 when the expression has no variables. */
    private final int variables;

    private Emitter(Resolved resolved, CompiledScope scope, ClassData data, CodeBuilder code, boolean yieldsValue) {
        this.resolved = resolved;
        this.scope = scope;
        this.data = data;
        this.code = code;
        this.yieldsValue = yieldsValue;
        this.iterationLimit = scope.iterationLimit();
        this.call = code.allocateLocal(TypeKind.REFERENCE);
        this.entity = call;
        this.temporaries = new int[resolved.temporaries().size()];
        for (int i = 0; i < temporaries.length; i++) {
            temporaries[i] = code.allocateLocal(isNumber(i) ? TypeKind.DOUBLE : TypeKind.REFERENCE);
        }
        this.budget = code.allocateLocal(TypeKind.INT);
        this.variables = resolved.usesVariables() ? code.allocateLocal(TypeKind.REFERENCE) : -1;
    }

    /**
     * Writes a whole evaluation method.
     *
     * @param resolved the bound expression
     * @param scope what the classes of its scope share
     * @param data the class data the method's constants go to
     * @param code the method's code
     * @param yieldsValue {@code true} for {@code evaluateValue}, {@code false} for {@code evaluate}
     * @throws Unsupported when the expression is beyond this backend
     */
    static void write(Resolved resolved, CompiledScope scope, ClassData data, CodeBuilder code, boolean yieldsValue) {
        new Emitter(resolved, scope, data, code, yieldsValue).writeMethod();
    }

    /**
     * Whether the evaluation methods of an expression have no branch (no condition, loop, {@code ??}, arrow,
     * costly call or early {@code return}): such methods need no stack-map frames, so the class can be written
     * without computing them.
     *
     * @param resolved the bound expression
     * @return {@code true} when every node compiles to straight-line code
     */
    static boolean isStraight(Resolved resolved) {
        for (Node node : resolved.nodes()) {
            boolean straight = switch (node) {
                case Node.Number n -> true;
                case Node.Text t -> true;
                case Node.Constant c -> true;
                case Node.This t -> true;
                case Node.Variable v -> true;
                case Node.Negate n -> true;
                case Node.Index i -> true;
                case Node.Assign a -> true;
                case Node.Block b -> true;
                case Node.Program p -> true;
                case Node.QueryCall q -> q.cost() == 0;
                case Node.MathCall m -> !(m.function().implementation() instanceof MathFunction.RandomTernary);
                case Node.Binary b -> b.operator().isArithmetic();
                default -> false;
            };
            if (!straight) {
                return false;
            }
        }
        return true;
    }

    private void writeMethod() {
        enter();
        if (variables >= 0) {
            // once: each field instruction costs the class verifier a symbol look-up
            code.aload(call).getfield(CONTEXT, "variables", STORE).astore(variables);
        }
        for (int i = 0; i < temporaries.length; i++) {
            if (isNumber(i)) {
                code.dconst_0().dstore(temporaries[i]);
            } else {
                code.aconst_null().astore(temporaries[i]);
            }
        }
        code.loadConstant(iterationLimit).istore(budget);
        Node.Program program = resolved.program();
        if (!program.complex() && program.statements().size() == 1) {
            returning(program.statements().getFirst());
            return;
        }
        for (Node statement : program.statements()) {
            statement(statement);
        }
        if (yieldsValue) {
            code.getstatic(VALUE, "ZERO", VALUE).areturn();
        } else {
            code.dconst_0().dreturn();
        }
    }

    /**
     * Checks the context, with the runtime as a constant, through the scope's entry check (a constant of the class,
     * which the JIT inlines): the context is the runtime's own and the scope is open, or it throws the error. The
     * open scope costs no read: its switch point is a dependency of the compiled code. An expression that uses
     * {@code variable.*} checks the variable store it loads next, against the runtime's variable table: one field
     * load fewer than checking the context's runtime, and one branch fewer, since that load is the store's null
     * check (measured with JMH on a shared machine, ratios of one run: an assignment 1.48-1.52x the hand-written write
     * with the runtime compared, 1.26-1.30x with the store compared).
     */
    private void enter() {
        boolean byVariables = variables >= 0;
        load(byVariables ? scope.entryByVariables() : scope.entry(), Descriptors.METHOD_HANDLE);
        code.aload(0).aload(1);
        if (byVariables) {
            load(scope.scope().engine().variableSymbols(), Descriptors.SYMBOLS);
        } else {
            load(scope.scope().engine(), ENGINE);
        }
        code.invokevirtual(Descriptors.METHOD_HANDLE, "invokeExact",
                byVariables ? Descriptors.ENTER_BY_VARIABLES : Descriptors.ENTER).astore(call);
    }

    private void returning(Node node) {
        if (yieldsValue) {
            value(node);
            code.invokestatic(VALUES, "orZero", method(VALUE, VALUE)).areturn();
        } else {
            number(node);
            code.dreturn();
        }
    }

    private boolean isNumber(int temporary) {
        return resolved.temporaries().kind(temporary) == Kind.NUMBER;
    }

    private Kind kind(Node node) {
        return resolved.kindOf(node);
    }

    /**
     * Loads the expression's text, for an error message: from the expression's own field, which keeps the text
     * (however long) out of the class's constant pool.
     */
    private void source() {
        code.aload(0).getfield(COMPILED, "source", CD_String);
    }

    private void load(Object constant, ClassDesc type) {
        data.load(code, constant, type);
    }

    // ---- statements

    private void statement(Node node) {
        switch (node) {
            case Node.Assign a -> assign(a, false);
            case Node.Block b -> b.statements().forEach(this::statement);
            case Node.Loop l -> loop(l);
            case Node.ForEach e -> forEach(e);
            case Node.Conditional c -> {
                Label otherwise = code.newLabel();
                Label end = code.newLabel();
                truth(c.condition(), otherwise);
                statement(c.then());
                code.goto_(end).labelBinding(otherwise);
                if (c.otherwise() != null) {
                    statement(c.otherwise());
                }
                code.labelBinding(end);
            }
            case Node.Break b -> code.goto_(innermostLoop().exit());
            case Node.Continue c -> code.goto_(innermostLoop().next());
            case Node.Return r -> returning(r.value());
            default -> {
                switch (kind(node)) {
                    case NUMBER -> {
                        number(node);
                        code.pop2();
                    }
                    case TEXT -> {
                        text(node);
                        code.pop();
                    }
                    case VALUE -> {
                        value(node);
                        code.pop();
                    }
                }
            }
        }
    }

    private LoopLabels innermostLoop() {
        LoopLabels labels = loops.peek();
        if (labels == null) {
            throw new AssertionError("the resolver keeps break and continue inside loops");
        }
        return labels;
    }

    private void loop(Node.Loop l) {
        int remaining = code.allocateLocal(TypeKind.INT);
        number(l.count());
        code.invokestatic(ITERATIONS, "count", method(CD_int, CD_double)).istore(remaining);
        Label next = code.newLabel();
        Label exit = code.newLabel();
        code.labelBinding(next).iload(remaining).ifle(exit).iinc(remaining, -1);
        charge(l.offset(), 1);
        body(l.body(), next, exit);
        code.goto_(next).labelBinding(exit);
    }

    private void forEach(Node.ForEach e) {
        int elements = code.allocateLocal(TypeKind.REFERENCE);
        int index = code.allocateLocal(TypeKind.INT);
        value(e.array());
        code.invokestatic(VALUES, "elements", method(LIST, VALUE)).astore(elements).iconst_0().istore(index);
        Label next = code.newLabel();
        Label exit = code.newLabel();
        code.labelBinding(next).iload(index).aload(elements).invokeinterface(LIST, "size", method(CD_int))
                .if_icmpge(exit);
        charge(e.offset(), 1);
        Node.Variable variable = e.variable();
        if (variable.namespace() == Namespace.TEMP) {
            code.aload(elements).iload(index).invokeinterface(LIST, "get", method(CD_Object, CD_int))
                    .checkcast(VALUE).astore(temporaries[variable.slot()]);
        } else {
            store(variable.namespace());
            code.loadConstant(variable.slot()).aload(elements).iload(index)
                    .invokeinterface(LIST, "get", method(CD_Object, CD_int)).checkcast(VALUE)
                    .invokevirtual(STORE, "setValue", method(CD_void, CD_int, VALUE));
        }
        code.iinc(index, 1);
        body(e.body(), next, exit);
        code.goto_(next).labelBinding(exit);
    }

    private void body(Node body, Label next, Label exit) {
        loops.push(new LoopLabels(next, exit));
        statement(body);
        loops.pop();
    }

    /** Takes iterations (an int on the stack when {@code count} is 0, else that constant) from the budget. */
    private void charge(int offset, int count) {
        Label ok = code.newLabel();
        if (count > 0) {
            code.iinc(budget, -count).iload(budget);
        } else {
            code.iload(budget).swap().isub().dup().istore(budget);
        }
        code.ifge(ok);
        source();
        code.loadConstant(offset).loadConstant(iterationLimit)
                .invokestatic(COMPILED, "iterationLimit", Descriptors.ITERATION_LIMIT).athrow().labelBinding(ok);
    }

    // ---- numbers

    private void number(Node node) {
        switch (node) {
            case Node.Number(double v) -> code.loadConstant(v);
            case Node.Text t -> code.dconst_0();
            case Node.Constant(MolangValue v) -> code.loadConstant(v.asNumber());
            case Node.This t -> code.aload(call).getfield(CONTEXT, "thisValue", CD_double);
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfNumber query -> query(q, query, CD_double);
            case Node.Variable v when v.namespace() != Namespace.TEMP && v.slot() < VariableStore.FIELD_SLOTS -> {
                store(v.namespace());
                code.getfield(STORE, VariableStore.FIELD_PREFIX + v.slot(), CD_long)
                        .invokestatic(STORE, "numberOf", Descriptors.NUMBER_OF_CELL);
            }
            case Node.Variable v when v.namespace() != Namespace.TEMP -> {
                store(v.namespace());
                code.loadConstant(v.slot()).invokevirtual(STORE, "number", Descriptors.STORE_NUMBER);
            }
            case Node.Variable v when isNumber(v.slot()) -> code.dload(temporaries[v.slot()]);
            case Node.MathCall m -> math(m);
            case Node.Negate(Node operand) -> {
                number(operand);
                code.dneg();
            }
            case Node.Binary b when b.operator().isArithmetic() -> {
                number(b.left());
                number(b.right());
                switch (b.operator()) {
                    case ADD -> code.dadd();
                    case SUBTRACT -> code.dsub();
                    case MULTIPLY -> code.dmul();
                    case DIVIDE -> code.ddiv();
                    default -> throw new AssertionError(b.operator());
                }
            }
            case Node.Binary b when b.operator() == Operator.COALESCE -> coalesceNumber(b);
            case Node.Not n -> truthAsNumber(node);
            case Node.Binary b -> truthAsNumber(node);
            case Node.Conditional c -> {
                Label otherwise = code.newLabel();
                Label end = code.newLabel();
                truth(c.condition(), otherwise);
                number(c.then());
                code.goto_(end).labelBinding(otherwise);
                if (c.otherwise() == null) {
                    code.dconst_0();
                } else {
                    number(c.otherwise());
                }
                code.labelBinding(end);
            }
            case Node.Assign a -> {
                if (assign(a, true) != Kind.NUMBER) {
                    code.invokestatic(VALUES, "number", method(CD_double, VALUE));
                }
            }
            case Node.Arrow a -> arrow(a, true);
            case Node.Block b -> effect(node);
            case Node.Loop l -> effect(node);
            case Node.ForEach e -> effect(node);
            case Node.Break b -> throw new Unsupported("'break' inside an operand");
            case Node.Continue c -> throw new Unsupported("'continue' inside an operand");
            case Node.Return r -> {
                returning(r.value());
                code.dconst_0(); // not reached: keeps the operand's shape for the code after it
            }
            default -> {
                value(node);
                code.invokestatic(VALUES, "number", method(CD_double, VALUE));
            }
        }
    }

    /** A statement where a number is expected: it runs, and yields 0. */
    private void effect(Node node) {
        statement(node);
        code.dconst_0();
    }

    private void truthAsNumber(Node node) {
        Label no = code.newLabel();
        Label end = code.newLabel();
        truth(node, no);
        code.dconst_1().goto_(end).labelBinding(no).dconst_0().labelBinding(end);
    }

    private void store(Namespace namespace) {
        if (namespace == Namespace.CONTEXT) {
            code.aload(call).getfield(CONTEXT, "context", STORE);
        } else if (entity == call) {
            code.aload(variables);
        } else {
            code.aload(entity).getfield(CONTEXT, "variables", STORE);
        }
    }

    private void coalesceNumber(Node.Binary b) {
        Label otherwise = code.newLabel();
        Label end = code.newLabel();
        if (kind(b.left()) == Kind.NUMBER) {
            number(b.left());
            return;
        }
        if (b.left() instanceof Node.Variable v && v.namespace() != Namespace.TEMP) {
            store(v.namespace());
            code.loadConstant(v.slot()).invokevirtual(STORE, "isSet", method(CD_boolean, CD_int)).ifeq(otherwise);
            store(v.namespace());
            code.loadConstant(v.slot()).invokevirtual(STORE, "number", Descriptors.STORE_NUMBER).goto_(end);
            code.labelBinding(otherwise);
            number(b.right());
            code.labelBinding(end);
            return;
        }
        Label none = code.newLabel();
        value(b.left());
        code.dup().ifnull(none).invokestatic(VALUES, "number", method(CD_double, VALUE)).goto_(end);
        code.labelBinding(none).pop();
        number(b.right());
        code.labelBinding(end);
    }

    private void math(Node.MathCall m) {
        List<Node> arguments = m.arguments();
        MathFunction function = m.function();
        switch (function.implementation()) {
            case DoubleSupplier s -> code.loadConstant(s.getAsDouble());
            case DoubleUnaryOperator op -> {
                receiver(function, Descriptors.UNARY);
                number(arguments.get(0));
                call(function, Descriptors.UNARY, "applyAsDouble", Descriptors.APPLY_UNARY);
            }
            case DoubleBinaryOperator op -> {
                receiver(function, Descriptors.BINARY);
                number(arguments.get(0));
                number(arguments.get(1));
                call(function, Descriptors.BINARY, "applyAsDouble", Descriptors.APPLY_BINARY);
            }
            case MathFunction.Ternary op -> {
                receiver(function, Descriptors.TERNARY);
                number(arguments.get(0));
                number(arguments.get(1));
                number(arguments.get(2));
                call(function, Descriptors.TERNARY, "apply", Descriptors.APPLY_TERNARY);
            }
            case MathFunction.RandomBinary op -> {
                receiver(function, Descriptors.RANDOM_BINARY);
                code.aload(call).getfield(CONTEXT, "random", RANDOM);
                number(arguments.get(0));
                number(arguments.get(1));
                call(function, Descriptors.RANDOM_BINARY, "apply", Descriptors.APPLY_RANDOM_BINARY);
            }
            case MathFunction.RandomTernary op -> {
                int count = code.allocateLocal(TypeKind.DOUBLE);
                number(arguments.get(0));
                code.dup2().dstore(count).invokestatic(ITERATIONS, "count", method(CD_int, CD_double));
                charge(m.offset(), 0);
                receiver(function, Descriptors.RANDOM_TERNARY);
                code.aload(call).getfield(CONTEXT, "random", RANDOM).dload(count);
                number(arguments.get(1));
                number(arguments.get(2));
                call(function, Descriptors.RANDOM_TERNARY, "apply", Descriptors.APPLY_RANDOM_TERNARY);
            }
            default -> throw new AssertionError(m.function());
        }
    }

    /** Loads the function object a call needs: only a lambda's (a static method needs none). */
    private void receiver(MathFunction function, ClassDesc type) {
        if (function.method() == null) {
            load(function.implementation(), type);
        }
    }

    /** Calls a function: its static method of {@code MolangMath}, else its lambda's interface method. */
    private void call(MathFunction function, ClassDesc type, String name, MethodTypeDesc signature) {
        String method = function.method();
        if (method != null) {
            code.invokestatic(Descriptors.MOLANG_MATH, method, signature);
        } else {
            code.invokeinterface(type, name, signature);
        }
    }

    /**
     * Stores into a variable or temporary.
     *
     * @param keep whether the assigned value stays on the stack
     * @return the kind of what stays on the stack: {@link Kind#NUMBER} (a double) or {@link Kind#VALUE}
     */
    private Kind assign(Node.Assign a, boolean keep) {
        Node.Variable target = a.target();
        int slot = target.slot();
        boolean numeric = kind(a.value()) == Kind.NUMBER;
        if (target.namespace() == Namespace.TEMP) {
            int local = temporaries[slot];
            if (isNumber(slot)) {
                number(a.value());
                if (keep) {
                    code.dup2();
                }
                code.dstore(local);
                return Kind.NUMBER;
            }
            value(a.value());
            if (keep) {
                code.dup();
            }
            code.astore(local);
            return Kind.VALUE;
        }
        if (numeric && slot < VariableStore.FIELD_SLOTS) {
            store(target.namespace());
            number(a.value());
            if (keep) {
                code.dup2_x1();
            }
            // a number that cannot be NaN needs no canonical NaN: its raw bits are its cell
            code.invokestatic(CD_Double, NeverNaN.of(a.value()) ? "doubleToRawLongBits" : "doubleToLongBits",
                    Descriptors.CELL_OF_NUMBER);
            code.putfield(STORE, VariableStore.FIELD_PREFIX + slot, CD_long);
            return Kind.NUMBER;
        }
        store(target.namespace());
        code.loadConstant(slot);
        if (numeric) {
            number(a.value());
            code.invokevirtual(STORE, "assignNumber", Descriptors.STORE_ASSIGN_NUMBER);
            if (!keep) {
                code.pop2();
            }
            return Kind.NUMBER;
        }
        value(a.value());
        code.invokevirtual(STORE, "assignValue", method(VALUE, CD_int, VALUE));
        if (!keep) {
            code.pop();
        }
        return Kind.VALUE;
    }

    /** {@code target->expression}: the expression with another entity's context; 0 or nothing when there is none. */
    private void arrow(Node.Arrow a, boolean asNumber) {
        Label none = code.newLabel();
        Label end = code.newLabel();
        int other = code.allocateLocal(TypeKind.REFERENCE);
        value(a.target());
        code.aload(call).getfield(CONTEXT, "engine", ENGINE)
                .invokestatic(VALUES, "entity", method(CONTEXT, VALUE, ENGINE)).dup().ifnull(none).astore(other);
        int saved = entity;
        entity = other;
        if (asNumber) {
            number(a.expression());
        } else {
            value(a.expression());
        }
        entity = saved;
        code.goto_(end).labelBinding(none).pop();
        if (asNumber) {
            code.dconst_0();
        } else {
            code.aconst_null();
        }
        code.labelBinding(end);
    }

    // ---- values

    private void value(Node node) {
        switch (node) {
            case Node.Number(double v) -> load(new MolangValue.Number(v), VALUE);
            case Node.Text(String t) -> load(new MolangValue.Text(t), VALUE);
            case Node.Constant(MolangValue c) -> load(c, VALUE);
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfValue query -> query(q, query, VALUE);
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfText -> {
                text(q);
                code.invokestatic(VALUES, "box", method(VALUE, CD_String));
            }
            case Node.Variable v when v.namespace() != Namespace.TEMP -> {
                store(v.namespace());
                code.loadConstant(v.slot()).invokevirtual(STORE, "value", method(VALUE, CD_int));
            }
            case Node.Variable v when !isNumber(v.slot()) -> code.aload(temporaries[v.slot()]);
            case Node.Index i -> {
                value(i.target());
                number(i.index());
                code.invokestatic(VALUES, "element", method(VALUE, VALUE, CD_double));
            }
            case Node.Binary b when b.operator() == Operator.COALESCE -> {
                Label end = code.newLabel();
                value(b.left());
                code.dup().ifnonnull(end).pop();
                value(b.right());
                code.labelBinding(end);
            }
            case Node.Conditional c -> {
                Label otherwise = code.newLabel();
                Label end = code.newLabel();
                truth(c.condition(), otherwise);
                value(c.then());
                code.goto_(end).labelBinding(otherwise);
                if (c.otherwise() == null) {
                    code.getstatic(VALUE, "ZERO", VALUE);
                } else {
                    value(c.otherwise());
                }
                code.labelBinding(end);
            }
            case Node.Assign a -> {
                if (assign(a, true) == Kind.NUMBER) {
                    code.invokestatic(VALUES, "box", method(VALUE, CD_double));
                }
            }
            case Node.Arrow a -> arrow(a, false);
            case Node.Return r -> {
                returning(r.value());
                code.aconst_null(); // not reached: keeps the operand's shape for the code after it
            }
            default -> {
                number(node);
                code.invokestatic(VALUES, "box", method(VALUE, CD_double));
            }
        }
    }

    private void text(Node node) {
        switch (node) {
            case Node.Text(String t) -> code.ldc(t);
            case Node.QueryCall q when q.query() instanceof MolangQuery.OfText query -> query(q, query, CD_String);
            case Node.Conditional c when c.otherwise() != null && kind(c.then()) == Kind.TEXT
                    && kind(c.otherwise()) == Kind.TEXT -> {
                Label otherwise = code.newLabel();
                Label end = code.newLabel();
                truth(c.condition(), otherwise);
                text(c.then());
                code.goto_(end).labelBinding(otherwise);
                text(c.otherwise());
                code.labelBinding(end);
            }
            default -> {
                value(node);
                code.invokestatic(VALUES, "text", method(CD_String, VALUE));
            }
        }
    }

    // ---- conditions: jump to the label when false, fall through when true

    private void truth(Node node, Label whenFalse) {
        switch (node) {
            case Node.Not(Node operand) -> {
                Label whenTrue = code.newLabel();
                truth(operand, whenTrue);
                code.goto_(whenFalse).labelBinding(whenTrue);
            }
            case Node.Binary b when b.operator() == Operator.AND -> {
                truth(b.left(), whenFalse);
                truth(b.right(), whenFalse);
            }
            case Node.Binary b when b.operator() == Operator.OR -> {
                Label right = code.newLabel();
                Label end = code.newLabel();
                truth(b.left(), right);
                code.goto_(end).labelBinding(right);
                truth(b.right(), whenFalse);
                code.labelBinding(end);
            }
            case Node.Binary b when b.operator().isRelational() -> {
                number(b.left());
                number(b.right());
                switch (b.operator()) {
                    case LESS -> code.dcmpg().ifge(whenFalse);
                    case LESS_EQUAL -> code.dcmpg().ifgt(whenFalse);
                    case GREATER -> code.dcmpl().ifle(whenFalse);
                    case GREATER_EQUAL -> code.dcmpl().iflt(whenFalse);
                    default -> throw new AssertionError(b.operator());
                }
            }
            case Node.Binary b when b.operator() == Operator.EQUAL -> equality(b, whenFalse, true);
            case Node.Binary b when b.operator() == Operator.NOT_EQUAL -> equality(b, whenFalse, false);
            default -> {
                switch (kind(node)) {
                    case NUMBER -> {
                        number(node);
                        code.dconst_0().dcmpl().ifeq(whenFalse);
                    }
                    case TEXT -> {
                        text(node);
                        code.invokestatic(VALUES, "truth", method(CD_boolean, CD_String)).ifeq(whenFalse);
                    }
                    case VALUE -> {
                        value(node);
                        code.invokestatic(VALUES, "truth", method(CD_boolean, VALUE)).ifeq(whenFalse);
                    }
                }
            }
        }
    }

    /** {@code ==} (or {@code !=} when {@code equal} is false), jumping to the label when the test fails. */
    private void equality(Node.Binary b, Label whenFalse, boolean equal) {
        Kind left = kind(b.left());
        Kind right = kind(b.right());
        if (left == Kind.NUMBER && right == Kind.NUMBER) {
            number(b.left());
            number(b.right());
            code.dcmpl();
            if (equal) {
                code.ifne(whenFalse);
            } else {
                code.ifeq(whenFalse);
            }
            return;
        }
        if (left == Kind.TEXT && right == Kind.TEXT) {
            text(b.left());
            text(b.right());
            code.invokestatic(desc(java.util.Objects.class), "equals", method(CD_boolean, CD_Object, CD_Object));
        } else if (left == Kind.NUMBER && right == Kind.VALUE || left == Kind.VALUE && right == Kind.NUMBER) {
            Node valueSide = left == Kind.VALUE ? b.left() : b.right();
            Node numberSide = left == Kind.VALUE ? b.right() : b.left();
            if (valueSide instanceof Node.Variable v && v.namespace() == Namespace.VARIABLE) {
                store(v.namespace());
                code.loadConstant(v.slot());
                number(numberSide);
                code.invokevirtual(STORE, "numberEquals", method(CD_boolean, CD_int, CD_double));
            } else {
                value(valueSide);
                number(numberSide);
                code.invokestatic(VALUES, "equalNumber", method(CD_boolean, VALUE, CD_double));
            }
        } else if (left == Kind.TEXT && right == Kind.VALUE || left == Kind.VALUE && right == Kind.TEXT) {
            value(left == Kind.VALUE ? b.left() : b.right());
            text(left == Kind.TEXT ? b.left() : b.right());
            code.invokestatic(VALUES, "equalText", method(CD_boolean, VALUE, CD_String));
        } else {
            value(b.left());
            value(b.right());
            code.invokestatic(VALUES, "equal", method(CD_boolean, VALUE, VALUE));
        }
        if (equal) {
            code.ifeq(whenFalse);
        } else {
            code.ifne(whenFalse);
        }
    }

    // ---- queries

    /** Calls a query: its result (a double, String or value) on the stack; a throw becomes the evaluation error. */
    private void query(Node.QueryCall q, MolangQuery query, ClassDesc result) {
        if (q.cost() > 0) {
            charge(q.offset(), q.cost());
        }
        boolean number = result.equals(CD_double);
        load(query, number ? Descriptors.NUMBER_QUERY : Descriptors.QUERY);
        code.aload(entity);
        if (q.constantArguments() != null) {
            load(q.constantArguments(), API_ARGUMENTS);
        } else {
            List<Node> arguments = q.arguments();
            code.new_(ARGUMENTS).dup().loadConstant(arguments.size()).anewarray(VALUE);
            for (int i = 0; i < arguments.size(); i++) {
                code.dup().loadConstant(i);
                value(arguments.get(i));
                code.aastore();
            }
            code.invokespecial(ARGUMENTS, "<init>", method(CD_void, Descriptors.VALUE_ARRAY));
        }
        code.aload(0).loadConstant(q.offset()).ldc(q.name());
        if (number) {
            code.invokestatic(COMPILED, "ask", Descriptors.ASK_NUMBER);
        } else {
            code.invokestatic(COMPILED, "askObject", Descriptors.ASK_OBJECT).checkcast(result);
        }
    }
}

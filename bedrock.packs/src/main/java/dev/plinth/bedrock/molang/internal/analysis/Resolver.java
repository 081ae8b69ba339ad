package dev.plinth.bedrock.molang.internal.analysis;

import dev.plinth.bedrock.molang.MolangDiagnostic;
import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.math.MathFunction;
import dev.plinth.bedrock.molang.internal.runtime.Arguments;
import dev.plinth.bedrock.molang.internal.runtime.SymbolTable;
import dev.plinth.bedrock.molang.internal.syntax.Failures;
import dev.plinth.bedrock.molang.internal.syntax.SourcePosition;
import dev.plinth.bedrock.molang.internal.tree.Namespace;
import dev.plinth.bedrock.molang.internal.tree.Node;
import dev.plinth.bedrock.molang.internal.tree.Operator;
import dev.plinth.bedrock.molang.internal.tree.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a parsed tree: queries to the scope's registry (an unknown one becomes 0 and a diagnostic), variables and
 * context values to the runtime's slots, temporaries to numbered locals, {@code math.} names to functions (an
 * unknown one or a wrong argument count fails), arrays to their values; refuses {@code break} and
 * {@code continue} outside loops; and folds constant sub-expressions.
 */
public final class Resolver {

    private final String source;
    private final MolangQueries queries;
    private final Map<String, List<MolangValue>> arrays;
    private final SymbolTable variables;
    private final SymbolTable contexts;
    private final Map<String, MolangDiagnostic> diagnostics = new LinkedHashMap<>();
    private final Map<String, Integer> temporaries = new LinkedHashMap<>();
    private int loops;
    private boolean usesVariables;

    private Resolver(String source, MolangQueries queries, Map<String, List<MolangValue>> arrays,
            SymbolTable variables, SymbolTable contexts) {
        this.source = source;
        this.queries = queries;
        this.arrays = arrays;
        this.variables = variables;
        this.contexts = contexts;
    }

    /**
     * Binds a tree.
     *
     * @param source the text it was parsed from
     * @param program the parsed tree
     * @param queries the scope's queries
     * @param arrays the arrays by lower-case name without {@code array.}
     * @param variables the runtime's variable slots
     * @param contexts the runtime's context slots
     * @return the bound expression
     * @throws dev.plinth.bedrock.molang.MolangCompileException when a function is unknown or misused, or a
     *     {@code break} or {@code continue} is outside a loop
     */
    public static Resolved resolve(String source, Node.Program program, MolangQueries queries,
            Map<String, List<MolangValue>> arrays, SymbolTable variables, SymbolTable contexts) {
        var resolver = new Resolver(source, queries, arrays, variables, contexts);
        var statements = new ArrayList<Node>();
        for (Node statement : program.statements()) {
            statements.add(resolver.bind(statement));
        }
        var bound = new Node.Program(statements, program.complex());
        List<Node> nodes = Trees.all(bound);
        Temporaries temps = resolver.temporaryKinds(nodes);
        return new Resolved(source, bound, temps, Kinds.program(bound, nodes, temps),
                List.copyOf(resolver.diagnostics.values()), resolver.usesVariables, nodes);
    }

    private Node bind(Node node) {
        return switch (node) {
            case Node.Number n -> n;
            case Node.Text t -> t;
            case Node.Constant c -> c;
            case Node.This t -> t;
            case Node.QueryCall q -> query(q);
            case Node.Variable v -> variable(v);
            case Node.ArrayReference a -> array(a);
            case Node.Index i -> Folding.index(bind(i.target()), bind(i.index()));
            case Node.FunctionCall f -> function(f);
            case Node.MathCall m -> m;
            case Node.Negate n -> Folding.negate(bind(n.operand()));
            case Node.Not n -> Folding.not(bind(n.operand()));
            case Node.Binary b -> Folding.binary(b.operator(), bind(b.left()), bind(b.right()));
            case Node.Conditional c -> Folding.conditional(bind(c.condition()), bind(c.then()),
                    c.otherwise() == null ? null : bind(c.otherwise()));
            case Node.Assign a -> new Node.Assign(variable(a.target()), bind(a.value()));
            case Node.Block b -> new Node.Block(bindAll(b.statements()));
            case Node.Loop l -> loop(l);
            case Node.ForEach f -> forEach(f);
            case Node.Break b -> outsideLoop(b, "break", b.offset());
            case Node.Continue c -> outsideLoop(c, "continue", c.offset());
            case Node.Return r -> new Node.Return(bind(r.value()));
            case Node.Arrow a -> new Node.Arrow(bind(a.target()), bind(a.expression()));
            case Node.Program p -> throw new AssertionError("a program inside a program");
        };
    }

    private List<Node> bindAll(List<Node> nodes) {
        var bound = new ArrayList<Node>(nodes.size());
        for (Node node : nodes) {
            bound.add(bind(node));
        }
        return bound;
    }

    private Node query(Node.QueryCall q) {
        MolangQuery query = queries.find(q.name()).orElse(null);
        if (query == null) {
            note("query." + q.name(), q.offset(), "unknown query 'query." + q.name() + "' evaluates to 0");
            return new Node.Number(0);
        }
        List<Node> arguments = bindAll(q.arguments());
        Arguments constant = null;
        if (arguments.isEmpty()) {
            constant = Arguments.NONE; // one instance: a compiled class holds it once, however many queries use it
        } else if (arguments.stream().allMatch(Folding::isConstant)) {
            constant = new Arguments(arguments.stream().map(Folding::constant).toArray(MolangValue[]::new));
        }
        return new Node.QueryCall(q.name(), arguments, query, constant, queries.cost(q.name()), q.offset());
    }

    private Node.Variable variable(Node.Variable v) {
        int slot = switch (v.namespace()) {
            case VARIABLE -> {
                usesVariables = true;
                yield slot(variables, v);
            }
            case CONTEXT -> slot(contexts, v);
            case TEMP -> temporaries.computeIfAbsent(v.name(), name -> temporaries.size());
        };
        return new Node.Variable(v.namespace(), v.name(), slot, v.offset());
    }

    private int slot(SymbolTable table, Node.Variable v) {
        try {
            return table.slot(v.name());
        } catch (IllegalStateException e) {
            throw Failures.compile(MolangErrorCode.TOO_LARGE, source, v.offset(), e.getMessage());
        }
    }

    private Node array(Node.ArrayReference a) {
        List<MolangValue> elements = arrays.get(a.name());
        if (elements == null) {
            note("array." + a.name(), a.offset(), "unknown array 'array." + a.name() + "' evaluates to 0");
            return new Node.Number(0);
        }
        return new Node.Constant(new MolangValue.Array(elements));
    }

    private Node function(Node.FunctionCall f) {
        MathFunction function = MathFunction.named(f.name()).orElseThrow(() -> Failures.compile(
                MolangErrorCode.UNKNOWN_FUNCTION, source, f.offset(), "unknown function 'math." + f.name() + "'"));
        if (f.arguments().size() != function.arity()) {
            throw Failures.compile(MolangErrorCode.WRONG_ARGUMENT_COUNT, source, f.offset(),
                    "math." + f.name() + " takes " + function.arity() + " argument"
                            + (function.arity() == 1 ? "" : "s") + ", not " + f.arguments().size());
        }
        return Folding.math(new Node.MathCall(function, bindAll(f.arguments()), f.offset()));
    }

    private Node loop(Node.Loop l) {
        Node count = bind(l.count());
        loops++;
        Node body = bind(l.body());
        loops--;
        return new Node.Loop(count, body, l.offset());
    }

    private Node forEach(Node.ForEach f) {
        Node.Variable variable = variable(f.variable());
        Node array = bind(f.array());
        loops++;
        Node body = bind(f.body());
        loops--;
        return new Node.ForEach(variable, array, body, f.offset());
    }

    private Node outsideLoop(Node node, String word, int offset) {
        if (loops == 0) {
            throw Failures.compile(MolangErrorCode.OUTSIDE_LOOP, source, offset,
                    "'" + word + "' outside loop() or for_each()");
        }
        return node;
    }

    private void note(String name, int offset, String message) {
        SourcePosition at = SourcePosition.of(source, offset);
        diagnostics.putIfAbsent(name, new MolangDiagnostic(at.line(), at.column(), message));
    }

    /** A temporary holds numbers only when every store into it is a number and no {@code ??} asks about it. */
    private Temporaries temporaryKinds(List<Node> all) {
        var names = new ArrayList<>(temporaries.keySet());
        if (names.isEmpty()) {
            return new Temporaries(names, List.of());
        }
        var kinds = new ArrayList<Kind>();
        names.forEach(n -> kinds.add(Kind.NUMBER));
        Set<Integer> values = new TreeSet<>();
        for (Node node : all) {
            if (node instanceof Node.ForEach f && f.variable().namespace() == Namespace.TEMP) {
                values.add(f.variable().slot());
            } else if (node instanceof Node.Binary b && b.operator() == Operator.COALESCE
                    && b.left() instanceof Node.Variable v && v.namespace() == Namespace.TEMP) {
                values.add(v.slot());
            }
        }
        values.forEach(slot -> kinds.set(slot, Kind.VALUE));
        boolean changed = true;
        while (changed) {
            changed = false;
            var current = new Temporaries(names, kinds);
            for (Node node : all) {
                if (node instanceof Node.Assign a && a.target().namespace() == Namespace.TEMP
                        && kinds.get(a.target().slot()) == Kind.NUMBER
                        && Kinds.of(a.value(), current) != Kind.NUMBER) {
                    kinds.set(a.target().slot(), Kind.VALUE);
                    changed = true;
                }
            }
        }
        return new Temporaries(names, kinds);
    }
}

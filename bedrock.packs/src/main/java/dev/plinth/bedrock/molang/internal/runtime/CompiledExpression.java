package dev.plinth.bedrock.molang.internal.runtime;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangDiagnostic;
import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQuery;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.syntax.Failures;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What both backends produce: an expression with its source and diagnostics, whose {@code evaluate} methods each
 * backend implements. Generated classes extend it from the scope's class loader, so its members are public.
 */
public abstract class CompiledExpression implements MolangExpression {

    private static final MethodHandle ENTER_OPEN;
    private static final MethodHandle ENTER_CLOSED;
    private static final MethodHandle ENTER_OPEN_BY_VARIABLES;
    private static final MethodHandle ENTER_CLOSED_BY_VARIABLES;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            ENTER_OPEN = lookup.findStatic(CompiledExpression.class, "enterOpen", MethodType.methodType(
                    ContextImpl.class, CompiledExpression.class, MolangContext.class, MolangEngine.class));
            MethodHandle enter = lookup.findStatic(CompiledExpression.class, "enter",
                    MethodType.methodType(ContextImpl.class, CompiledExpression.class, MolangContext.class));
            ENTER_CLOSED = MethodHandles.dropArguments(enter, 2, MolangEngine.class);
            ENTER_OPEN_BY_VARIABLES = lookup.findStatic(CompiledExpression.class, "enterOpenByVariables",
                    MethodType.methodType(ContextImpl.class, CompiledExpression.class, MolangContext.class,
                            SymbolTable.class));
            ENTER_CLOSED_BY_VARIABLES = MethodHandles.dropArguments(enter, 2, SymbolTable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The text. */
    protected final String source;
    /** The scope it belongs to. */
    protected final ScopeImpl scope;
    private final List<MolangDiagnostic> diagnostics;

    /**
     * Sets the common parts.
     *
     * @param source the text
     * @param scope the scope it belongs to
     * @param diagnostics the compiler's notes
     */
    protected CompiledExpression(String source, ScopeImpl scope, List<MolangDiagnostic> diagnostics) {
        this.source = source;
        this.scope = scope;
        this.diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final List<MolangDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** An expression that yields only numbers: its number, as a value. */
    @Override
    public MolangValue evaluateValue(MolangContext context) {
        return Values.box(evaluate(context));
    }

    /**
     * Checks that an expression may run against a context, at the start of each evaluation.
     *
     * @param expression the expression
     * @param context the context given
     * @return the context, as the runtime's own type
     * @throws dev.plinth.bedrock.molang.MolangEvaluationException when the scope is closed or the context belongs to
     *     another runtime
     */
    public static ContextImpl enter(CompiledExpression expression, MolangContext context) {
        if (context instanceof ContextImpl c && c.engine == expression.scope.engine() && !expression.scope.closed) {
            return c;
        }
        throw Failures.evaluation(MolangErrorCode.UNAVAILABLE, expression.source, 0,
                expression.scope.closed ? "the scope '" + expression.scope.owner() + "' is closed"
                        : "the context belongs to another Molang runtime", null);
    }

    /**
     * The check compiled classes make before each evaluation while their scope is open, with their runtime as a
     * constant (which the JIT folds): the context is the runtime's own, or {@link #enter(CompiledExpression,
     * MolangContext)} throws the error. The scope's state is not read here: {@link #entry(ScopeImpl, boolean)} guards
     * this with the scope's {@linkplain ScopeImpl#whileOpen() switch point}.
     *
     * @param expression the expression
     * @param context the context given
     * @param engine the expression's runtime
     * @return the context, as the runtime's own type
     * @throws dev.plinth.bedrock.molang.MolangEvaluationException when the context belongs to another runtime, or
     *     the scope was closed meanwhile
     */
    public static ContextImpl enterOpen(CompiledExpression expression, MolangContext context, MolangEngine engine) {
        if (context instanceof ContextImpl c && c.engine == engine) {
            return c;
        }
        return enter(expression, context);
    }

    /**
     * The check {@link #enterOpen} makes, for an expression that reads or writes {@code variable.*}, with the
     * runtime's {@linkplain MolangEngine#variableSymbols() variable table} as the constant instead of the runtime:
     * the context's variable store was numbered by that table. A context's store is always numbered by its own
     * runtime's table ({@link MolangEngine#newContext} refuses any other) and each runtime has its own table, so
     * this accepts exactly the contexts {@link #enterOpen} accepts. It reads the store the expression reads anyway,
     * so the check needs no field of its own, and the store's null check comes with it.
     *
     * @param expression the expression
     * @param context the context given
     * @param variables the variable table of the expression's runtime
     * @return the context, as the runtime's own type
     * @throws dev.plinth.bedrock.molang.MolangEvaluationException when the context belongs to another runtime, or
     *     the scope was closed meanwhile
     */
    public static ContextImpl enterOpenByVariables(CompiledExpression expression, MolangContext context,
            SymbolTable variables) {
        if (context instanceof ContextImpl c && c.variables.symbols() == variables) {
            return c;
        }
        return enter(expression, context);
    }

    /**
     * The entry check of a scope's compiled classes: {@link #enterOpen} (or, with {@code byVariables},
     * {@link #enterOpenByVariables}) while the scope is open, {@link #enter(CompiledExpression, MolangContext)}
     * (which throws) once it is closed. Held in a constant of each class, the open scope costs no read per
     * evaluation: closing the scope invalidates its switch point and the JIT drops the code that relied on it.
     *
     * @param scope the scope
     * @param byVariables whether the check compares the context's variable table ({@code (CompiledExpression,
     *     MolangContext, SymbolTable) ContextImpl}), else its runtime ({@code (CompiledExpression, MolangContext,
     *     MolangEngine) ContextImpl})
     * @return the method handle
     */
    public static MethodHandle entry(ScopeImpl scope, boolean byVariables) {
        return byVariables ? scope.whileOpen().guardWithTest(ENTER_OPEN_BY_VARIABLES, ENTER_CLOSED_BY_VARIABLES)
                : scope.whileOpen().guardWithTest(ENTER_OPEN, ENTER_CLOSED);
    }

    /**
     * Calls a number query for a compiled class: its value, or the evaluation's error naming the query.
     *
     * @param query the query (a constant of the class: the JIT calls it directly)
     * @param context the entity's context
     * @param arguments the call's arguments
     * @param expression the expression calling
     * @param offset where the call is in the text
     * @param name the query name
     * @return the query's value
     * @throws MolangException when the query throws
     */
    public static double ask(MolangQuery.OfNumber query, MolangContext context, MolangArguments arguments,
            CompiledExpression expression, int offset, String name) {
        try {
            return query.get(context, arguments);
        } catch (RuntimeException e) {
            throw queryFailed(e, expression.source, offset, name);
        }
    }

    /**
     * Calls a text or value query for a compiled class: its value (which the class casts to its type), or the
     * evaluation's error naming the query.
     *
     * @param query the query (a constant of the class: the JIT calls it directly and drops the switch)
     * @param context the entity's context
     * @param arguments the call's arguments
     * @param expression the expression calling
     * @param offset where the call is in the text
     * @param name the query name
     * @return the query's value: a {@code String} for a text query, a {@link MolangValue} or null for a value query
     * @throws MolangException when the query throws
     */
    public static @Nullable Object askObject(MolangQuery query, MolangContext context, MolangArguments arguments,
            CompiledExpression expression, int offset, String name) {
        try {
            return switch (query) {
                case MolangQuery.OfText text -> text.get(context, arguments);
                case MolangQuery.OfValue value -> value.get(context, arguments);
                case MolangQuery.OfNumber number -> number.get(context, arguments); // compiled classes use ask
            };
        } catch (RuntimeException e) {
            throw queryFailed(e, expression.source, offset, name);
        }
    }

    /**
     * Turns a query's exception into the evaluation's error, naming the query.
     *
     * @param failure what the query threw
     * @param source the expression's text
     * @param offset where the query is
     * @param name the query name
     * @return the error to throw
     */
    public static MolangException queryFailed(RuntimeException failure, String source, int offset, String name) {
        if (failure instanceof MolangException molang) {
            return molang;
        }
        return Failures.evaluation(MolangErrorCode.QUERY_FAILED, source, offset,
                "query." + name + " failed: " + failure, failure);
    }

    /**
     * The error of an evaluation that ran out of loop iterations.
     *
     * @param source the expression's text
     * @param offset where the loop is
     * @param limit the limit
     * @return the error to throw
     */
    public static MolangException iterationLimit(String source, int offset, int limit) {
        return Failures.evaluation(MolangErrorCode.ITERATION_LIMIT, source, offset,
                "more than " + limit + " loop iterations in one evaluation", null);
    }

    @Override
    public String toString() {
        return "MolangExpression[" + source + "]";
    }
}

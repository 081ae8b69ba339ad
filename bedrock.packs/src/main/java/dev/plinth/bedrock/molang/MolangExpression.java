package dev.plinth.bedrock.molang;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A compiled Molang expression or program, made by {@link Molang#compile(String)} or
 * {@link MolangScope#compile(String)}: parsed once, its queries and variables bound to slots, ready to be evaluated
 * any number of times against any context of the same {@link Molang}.
 *
 * <p>A simple expression ({@code query.health / query.max_health}) evaluates to its value. A program of statements
 * ended by {@code ;} evaluates to the value of its {@code return}, or 0 without one, as in Bedrock.
 *
 * <p>Thread-safe: an expression holds no state of its own, so several threads may evaluate it at once, each with
 * its own context. Once its scope is closed, evaluating it throws a {@link MolangEvaluationException}.
 */
@ProviderType
public interface MolangExpression {

    /**
     * The text this expression was compiled from.
     *
     * @return the source, unchanged
     */
    String source();

    /**
     * Evaluates the expression as a number, the way Bedrock does for animations and components.
     *
     * @param context the entity, its variables and the call's values
     * @return the value; 0 for an expression that yields something other than a number (a string)
     * @throws MolangEvaluationException when a loop runs past the iteration limit, a query throws, the scope was
     *     closed, or the context belongs to another {@link Molang}
     */
    double evaluate(MolangContext context);

    /**
     * Evaluates the expression to whatever it yields: a number, a string, an entity or an array.
     *
     * @param context the entity, its variables and the call's values
     * @return the value; {@link MolangValue#ZERO} where the expression yields nothing
     * @throws MolangEvaluationException as {@link #evaluate(MolangContext)} does
     */
    MolangValue evaluateValue(MolangContext context);

    /**
     * What the compiler noticed without failing: each unknown query (which evaluates to 0) and each unknown array,
     * once per expression.
     *
     * @return the notes in source order, empty for a clean expression
     */
    List<MolangDiagnostic> diagnostics();
}

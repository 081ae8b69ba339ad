package dev.plinth.bedrock.packs.internal.definition;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangDiagnostic;
import dev.plinth.bedrock.molang.MolangEvaluationException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangValue;
import java.util.List;

/**
 * A Molang expression written in a pack file, which says where it was written when its evaluation fails: the error
 * ({@link PackMolangException}) names the pack, the file and the JSON path before Molang's own message. The
 * evaluation itself is the compiled expression's.
 *
 * <p>Thread-safe, as the expression it wraps.
 *
 * @param expression the compiled expression
 * @param where {@code pack: file at /json/path}
 */
public record PackExpression(MolangExpression expression, String where) implements MolangExpression {

    /** Validates the components. */
    public PackExpression {
        requireNonNull(expression, "expression");
        requireNonNull(where, "where");
    }

    @Override
    public String source() {
        return expression.source();
    }

    /**
     * {@inheritDoc}
     *
     * @throws PackMolangException when Molang's evaluation fails, naming where the expression was written
     */
    @Override
    public double evaluate(MolangContext context) {
        try {
            return expression.evaluate(context);
        } catch (MolangEvaluationException e) {
            throw new PackMolangException(where, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws PackMolangException when Molang's evaluation fails, naming where the expression was written
     */
    @Override
    public MolangValue evaluateValue(MolangContext context) {
        try {
            return expression.evaluateValue(context);
        } catch (MolangEvaluationException e) {
            throw new PackMolangException(where, e);
        }
    }

    @Override
    public List<MolangDiagnostic> diagnostics() {
        return expression.diagnostics();
    }
}

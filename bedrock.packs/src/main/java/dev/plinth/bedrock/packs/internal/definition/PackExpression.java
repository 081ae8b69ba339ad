package dev.plinth.bedrock.packs.internal.definition;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangDiagnostic;
import dev.plinth.bedrock.molang.MolangEvaluationException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangValue;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A Molang expression written in a pack file, which says where it was written when its evaluation fails: the error
 * ({@link PackMolangException}) names the pack, the file, the line and the JSON path before Molang's own message, as
 * a file skipped at load does. The line is found only then (the file read again), so loading keeps no file. The
 * evaluation itself is the compiled expression's.
 *
 * <p>Thread-safe, as the expression it wraps.
 *
 * @param expression the compiled expression
 * @param pack the pack
 * @param file the file, relative to the pack (empty when unknown)
 * @param jsonPath the JSON pointer of the value that holds the expression
 * @param lines the line of a JSON pointer in the file, 0 when it cannot be found
 */
public record PackExpression(MolangExpression expression, String pack, String file, String jsonPath,
        ToIntFunction<String> lines) implements MolangExpression {

    /** Validates the components. */
    public PackExpression {
        requireNonNull(expression, "expression");
        requireNonNull(pack, "pack");
        requireNonNull(file, "file");
        requireNonNull(jsonPath, "jsonPath");
        requireNonNull(lines, "lines");
    }

    /** {@return where the expression is written: {@code pack: file:line at /json/path}} */
    public String where() {
        int line = file.isEmpty() ? 0 : lines.applyAsInt(jsonPath);
        return pack + ": " + (file.isEmpty() ? "" : file + (line > 0 ? ":" + line : "") + " ") + "at "
                + (jsonPath.isEmpty() ? "/" : jsonPath);
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
            throw new PackMolangException(where(), e);
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
            throw new PackMolangException(where(), e);
        }
    }

    @Override
    public List<MolangDiagnostic> diagnostics() {
        return expression.diagnostics();
    }
}

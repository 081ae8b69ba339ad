package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.molang.MolangEvaluationException;
import java.io.Serial;

/**
 * A pack's Molang expression failed while it was evaluated (a loop past the iteration limit, a query that threw):
 * {@code guard-pack: entities/guard.json at /minecraft:entity/components/minecraft:health/value: molang: 1:1: ...}.
 * The cause is Molang's own error, with its code and position.
 */
public final class PackMolangException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param where {@code pack: file at /json/path}
     * @param cause Molang's error
     */
    public PackMolangException(String where, MolangEvaluationException cause) {
        super(where + ": " + cause.getMessage(), cause);
    }

    @Override
    public synchronized MolangEvaluationException getCause() {
        return (MolangEvaluationException) super.getCause();
    }
}

package dev.plinth.bedrock.molang;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code query.NAME} a host answers, registered in {@link MolangQueries}. Write it as a lambda of the kind that
 * matches what it returns: {@link OfNumber} (most queries: {@code query.health}), {@link OfText}
 * ({@code query.get_equipped_item_name}) or {@link OfValue} (entities, arrays, or a type that depends on the
 * arguments, such as {@code query.block_state}). Compiled expressions call the query directly, with no boxing for
 * numbers and strings.
 *
 * <p>Queries are called on the thread that evaluates the expression (for entities, the game thread), with the
 * context of the entity being evaluated ({@link MolangContext#target()}); on the right of {@code ->} that is the
 * other entity's context. A query that throws fails the evaluation with a {@link MolangEvaluationException} naming
 * the query.
 */
public sealed interface MolangQuery {

    /** A query that yields a number; {@code true} and {@code false} are 1 and 0. */
    @FunctionalInterface
    @ConsumerType
    non-sealed interface OfNumber extends MolangQuery {
        /**
         * Answers the query.
         *
         * @param context the entity's context
         * @param arguments the call's arguments
         * @return the value
         */
        double get(MolangContext context, MolangArguments arguments);
    }

    /** A query that yields a string. */
    @FunctionalInterface
    @ConsumerType
    non-sealed interface OfText extends MolangQuery {
        /**
         * Answers the query.
         *
         * @param context the entity's context
         * @param arguments the call's arguments
         * @return the string
         */
        String get(MolangContext context, MolangArguments arguments);
    }

    /** A query that yields any value: an entity, an array, or a number or string depending on its arguments. */
    @FunctionalInterface
    @ConsumerType
    non-sealed interface OfValue extends MolangQuery {
        /**
         * Answers the query.
         *
         * @param context the entity's context
         * @param arguments the call's arguments
         * @return the value, or {@code null} when there is none (a missing entity): it reads 0 and counts as
         *     missing for {@code ??}
         */
        @Nullable MolangValue get(MolangContext context, MolangArguments arguments);
    }
}

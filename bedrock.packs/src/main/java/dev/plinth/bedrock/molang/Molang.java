package dev.plinth.bedrock.molang;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A Molang runtime: compiles expressions, and makes the variable stores and contexts they are evaluated against.
 * Every {@link MolangScope}, expression, {@link MolangVariables} and {@link MolangContext} made by one runtime works
 * with the others of that runtime (variables are bound to slots the runtime numbers); mixing runtimes is refused.
 *
 * <pre>{@code
 * Molang molang = Molang.builder().withQueries(queries).build();
 * MolangExpression e = molang.compile("math.sin(q.life_time * 360) * 0.5 + 0.5");
 * MolangContext context = molang.newContext(entity, molang.newVariables());
 * double value = e.evaluate(context);
 * }</pre>
 *
 * <p>The expressions {@link #compile(String)} makes belong to the runtime's own scope; a host that compiles for
 * several owners (packs) gives each its own {@link #scope(String, MolangQueries)}, which it closes when the owner
 * goes away.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface Molang {

    /** How many loop iterations one evaluation may run, by default: 64 loops of Bedrock's 1024 maximum. */
    int DEFAULT_ITERATION_LIMIT = 65_536;

    /**
     * Starts a runtime.
     *
     * @return a builder with no queries and the default limits
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Compiles an expression or program in this runtime's own scope, against {@link #queries()}.
     *
     * @param source the Molang text
     * @return the compiled expression
     * @throws MolangSyntaxException when the text is not Molang
     * @throws MolangCompileException when a name or function is unknown or misused
     */
    MolangExpression compile(String source);

    /**
     * Opens a scope for one owner's expressions, compiled against its own queries.
     *
     * @param owner who the scope belongs to (a pack name), shown in the names of its classes
     * @param queries the queries its expressions may call
     * @return a new, open scope
     */
    MolangScope scope(String owner, MolangQueries queries);

    /**
     * The queries of this runtime's own scope.
     *
     * @return the registry given to the builder
     */
    MolangQueries queries();

    /**
     * Makes an empty variable store, for one entity.
     *
     * @return a store with no variable set
     */
    MolangVariables newVariables();

    /**
     * Makes a context to evaluate expressions against.
     *
     * @param target the host's entity, which its queries read
     * @param variables the entity's variables, made by {@link #newVariables()} of this runtime
     * @return a context with {@code this} at 0, no context values and its own random source
     * @throws IllegalArgumentException when the variables come from another runtime
     */
    MolangContext newContext(Object target, MolangVariables variables);

    /**
     * Configures a {@link Molang}.
     *
     * <p>Not thread-safe.
     */
    final class Builder {
        private MolangQueries queries = MolangQueries.none();
        private int iterationLimit = DEFAULT_ITERATION_LIMIT;
        private String owner = "molang";

        Builder() {
        }

        /**
         * Sets the queries of the runtime's own scope.
         *
         * @param queries the registry
         * @return this builder
         */
        public Builder withQueries(MolangQueries queries) {
            this.queries = requireNonNull(queries, "queries");
            return this;
        }

        /**
         * Sets how many loop iterations ({@code loop}, {@code for_each}, and the rolls of {@code math.die_roll})
         * one evaluation may run in all, nested loops included; past it the evaluation fails with
         * {@link MolangErrorCode#ITERATION_LIMIT}. Each {@code loop} also stops at 1024 iterations, as in Bedrock.
         *
         * @param limit at least 1
         * @return this builder
         * @throws IllegalArgumentException when the limit is below 1
         */
        public Builder withIterationLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("the iteration limit must be at least 1, not " + limit);
            }
            this.iterationLimit = limit;
            return this;
        }

        /**
         * Names the owner of the runtime's own scope (shown in the names of its classes).
         *
         * @param owner the owner, {@code molang} by default
         * @return this builder
         */
        public Builder withOwner(String owner) {
            this.owner = requireNonNull(owner, "owner");
            return this;
        }

        /**
         * Makes the runtime.
         *
         * @return a new runtime
         */
        public Molang build() {
            return new MolangEngine(owner, queries, iterationLimit);
        }
    }
}

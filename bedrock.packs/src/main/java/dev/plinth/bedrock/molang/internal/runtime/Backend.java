package dev.plinth.bedrock.molang.internal.runtime;

import dev.plinth.bedrock.molang.internal.analysis.Resolved;

/** Turns bound expressions into something that runs: a tree of lambdas, or JVM classes. */
@FunctionalInterface
public interface Backend {

    /**
     * Prepares to compile the expressions of one scope.
     *
     * @param scope the scope
     * @return the scope's compiler, dropped when the scope closes
     */
    Compiler open(ScopeImpl scope);

    /** Compiles the expressions of one scope; thread-safe. */
    @FunctionalInterface
    interface Compiler {
        /**
         * Compiles an expression.
         *
         * @param resolved the bound expression
         * @return the runnable expression
         */
        CompiledExpression compile(Resolved resolved);
    }
}

package dev.plinth.bedrock.molang.internal.jvm;

import dev.plinth.bedrock.molang.internal.runtime.CompiledExpression;
import dev.plinth.bedrock.molang.internal.runtime.ScopeImpl;
import java.lang.invoke.MethodHandle;

/**
 * What every class compiled for one scope shares: the scope, the entry check its classes call before each
 * evaluation (guarded by the scope's switch point, see {@link CompiledExpression#entry(ScopeImpl, boolean)}) and the
 * loop iterations one evaluation may run.
 *
 * @param scope the scope
 * @param entry the entry check, {@code (CompiledExpression, MolangContext, MolangEngine) ContextImpl}
 * @param entryByVariables the entry check of expressions that use {@code variable.*},
 *     {@code (CompiledExpression, MolangContext, SymbolTable) ContextImpl}
 * @param iterationLimit the loop iterations one evaluation may run
 */
record CompiledScope(ScopeImpl scope, MethodHandle entry, MethodHandle entryByVariables, int iterationLimit) {

    /**
     * The shared parts of a scope's classes.
     *
     * @param scope the scope
     * @return its entry checks and limit, made once for all its classes
     */
    static CompiledScope of(ScopeImpl scope) {
        return new CompiledScope(scope, CompiledExpression.entry(scope, false), CompiledExpression.entry(scope, true),
                scope.engine().iterationLimit());
    }
}

package dev.plinth.bedrock.molang.internal.closure;

import dev.plinth.bedrock.molang.internal.analysis.Kind;
import dev.plinth.bedrock.molang.internal.runtime.Backend;
import dev.plinth.bedrock.molang.internal.runtime.ScopeImpl;

/**
 * The backend that compiles an expression to a tree of pre-bound lambdas. It loads no class, so its expressions
 * are plain objects of the Molang bundle; it is also the reference the bytecode backend is tested against.
 */
public final class TreeBackend implements Backend {

    /** Creates the backend. */
    public TreeBackend() {
        // nothing to set up
    }

    @Override
    public Compiler open(ScopeImpl scope) {
        return resolved -> {
            var compiler = new TreeCompiler(resolved, scope.engine());
            var statements = resolved.program().statements();
            if (resolved.kind() == Kind.NUMBER) {
                return new TreeExpression(resolved, scope,
                        statements.stream().map(compiler::number).toArray(Code.OfNumber[]::new), null);
            }
            return new TreeExpression(resolved, scope, null,
                    statements.stream().map(compiler::value).toArray(Code.OfValue[]::new));
        };
    }
}

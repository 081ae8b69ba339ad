package dev.plinth.bedrock.molang.internal.runtime;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.molang.MolangVariables;
import dev.plinth.bedrock.molang.internal.jvm.BytecodeBackend;

/**
 * The runtime behind {@link Molang}: the slot tables shared by its scopes, stores and contexts, the iteration limit,
 * and the backend that compiles.
 */
public final class MolangEngine implements Molang {

    private final SymbolTable variableSymbols = new SymbolTable();
    private final SymbolTable contextSymbols = new SymbolTable();
    private final int iterationLimit;
    private final Backend backend;
    private final ScopeImpl own;

    /**
     * Creates a runtime with the default backend.
     *
     * @param owner the owner of its own scope
     * @param queries the queries of its own scope
     * @param iterationLimit the loop iterations one evaluation may run
     */
    public MolangEngine(String owner, MolangQueries queries, int iterationLimit) {
        this(owner, queries, iterationLimit, new BytecodeBackend());
    }

    /**
     * Creates a runtime with a chosen backend, for tests and benchmarks that compare them.
     *
     * @param owner the owner of its own scope
     * @param queries the queries of its own scope
     * @param iterationLimit the loop iterations one evaluation may run
     * @param backend the backend
     */
    public MolangEngine(String owner, MolangQueries queries, int iterationLimit, Backend backend) {
        this.iterationLimit = iterationLimit;
        this.backend = requireNonNull(backend, "backend");
        this.own = new ScopeImpl(this, owner, queries, backend);
    }

    /**
     * The slots of {@code variable.*} names.
     *
     * @return the table
     */
    public SymbolTable variableSymbols() {
        return variableSymbols;
    }

    /**
     * The slots of {@code context.*} names.
     *
     * @return the table
     */
    public SymbolTable contextSymbols() {
        return contextSymbols;
    }

    /**
     * The loop iterations one evaluation may run.
     *
     * @return the limit
     */
    public int iterationLimit() {
        return iterationLimit;
    }

    @Override
    public MolangExpression compile(String source) {
        return own.compile(source);
    }

    @Override
    public MolangScope scope(String owner, MolangQueries queries) {
        return new ScopeImpl(this, owner, queries, backend);
    }

    @Override
    public MolangQueries queries() {
        return own.queries();
    }

    @Override
    public MolangVariables newVariables() {
        return new VariableStore(variableSymbols, "variable.", "v.");
    }

    @Override
    public MolangContext newContext(Object target, MolangVariables variables) {
        if (!(variables instanceof VariableStore store) || store.symbols() != variableSymbols) {
            throw new IllegalArgumentException("the variables were made by another Molang runtime");
        }
        return new ContextImpl(this, target, store);
    }
}

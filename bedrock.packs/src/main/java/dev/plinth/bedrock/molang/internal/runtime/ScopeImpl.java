package dev.plinth.bedrock.molang.internal.runtime;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.analysis.Resolved;
import dev.plinth.bedrock.molang.internal.analysis.Resolver;
import dev.plinth.bedrock.molang.internal.syntax.Parser;
import java.lang.invoke.SwitchPoint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A scope of {@link MolangEngine}: parses, binds and hands expressions to its backend's compiler. */
public final class ScopeImpl implements MolangScope {

    private static final String[] ARRAY_PREFIXES = {"array."};

    private final MolangEngine engine;
    private final String owner;
    private final MolangQueries queries;
    private final Map<String, MolangExpression> compiled = new ConcurrentHashMap<>();
    private volatile Backend.@Nullable Compiler compiler;
    /** Valid while the scope is open: compiled classes check it for free (the JIT drops their code on close). */
    private final SwitchPoint open = new SwitchPoint();
    volatile boolean closed;

    ScopeImpl(MolangEngine engine, String owner, MolangQueries queries, Backend backend) {
        this.engine = engine;
        this.owner = requireNonNull(owner, "owner");
        this.queries = requireNonNull(queries, "queries");
        this.compiler = backend.open(this);
    }

    /**
     * The runtime this scope belongs to.
     *
     * @return the engine
     */
    public MolangEngine engine() {
        return engine;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public MolangQueries queries() {
        return queries;
    }

    @Override
    public MolangExpression compile(String source) {
        MolangExpression known = compiled.get(requireNonNull(source, "source"));
        if (known != null && !closed) {
            return known;
        }
        MolangExpression expression = compile(source, Map.of());
        compiled.putIfAbsent(source, expression);
        return expression;
    }

    @Override
    public MolangExpression compile(String source, Map<String, List<MolangValue>> arrays) {
        requireNonNull(source, "source");
        var named = new TreeMap<String, List<MolangValue>>();
        arrays.forEach((name, elements) -> named.put(SymbolTable.key(name, ARRAY_PREFIXES), List.copyOf(elements)));
        Resolved resolved = Resolver.resolve(source, Parser.parse(source), queries, named,
                engine.variableSymbols(), engine.contextSymbols());
        Backend.Compiler current = compiler;
        if (current == null) {
            throw new IllegalStateException("the Molang scope '" + owner + "' is closed");
        }
        return current.compile(resolved);
    }

    /**
     * What is valid while the scope is open: a guard on it costs compiled code nothing until {@link #close()}
     * invalidates it (the JIT then drops the code that relied on it).
     *
     * @return the switch point
     */
    public SwitchPoint whileOpen() {
        return open;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        SwitchPoint.invalidateAll(new SwitchPoint[] {open});
        compiler = null;
        compiled.clear();
    }

    @Override
    public String toString() {
        return "MolangScope[" + owner + (closed ? ", closed]" : "]");
    }
}

package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.jvm.BytecodeBackend;
import dev.plinth.bedrock.molang.internal.runtime.Backend;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the same Molang through every backend and checks they agree: each test of the language is a test of both
 * the tree of lambdas and the bytecode compiler.
 */
final class Backends {

    static final Map<String, Backend> ALL = new LinkedHashMap<>();

    static {
        ALL.put("tree", new TreeBackend());
        ALL.put("bytecode", new BytecodeBackend());
    }

    private final List<Molang> runtimes = new ArrayList<>();
    private final List<MolangContext> contexts = new ArrayList<>();

    Backends(MolangQueries queries, Object target) {
        for (Backend backend : ALL.values()) {
            Molang molang = new MolangEngine("test", queries, Molang.DEFAULT_ITERATION_LIMIT, backend);
            runtimes.add(molang);
            contexts.add(molang.newContext(target, molang.newVariables()));
        }
    }

    /** The runtimes, one per backend. */
    List<Molang> runtimes() {
        return runtimes;
    }

    /** The contexts (one entity, its variables kept), one per backend. */
    List<MolangContext> contexts() {
        return contexts;
    }

    /** Compiles and evaluates as a number in every backend; they must agree. */
    double number(String source) {
        return agree(source, i -> runtimes.get(i).compile(source).evaluate(contexts.get(i)));
    }

    /** Compiles and evaluates to a value in every backend; they must agree. */
    MolangValue value(String source) {
        return agree(source, i -> runtimes.get(i).compile(source).evaluateValue(contexts.get(i)));
    }

    /** Compiles in every backend; the diagnostics must agree. */
    List<MolangDiagnostic> diagnostics(String source) {
        return agree(source, i -> runtimes.get(i).compile(source).diagnostics());
    }

    /** Compiles in every backend; each must fail with the same message; returns the first failure. */
    MolangException failure(String source) {
        MolangException first = null;
        for (Molang molang : runtimes) {
            MolangException e;
            try {
                MolangExpression expression = molang.compile(source);
                expression.evaluate(contexts.get(runtimes.indexOf(molang)));
                throw new AssertionError("no failure for " + source);
            } catch (MolangException failure) {
                e = failure;
            }
            if (first == null) {
                first = e;
            } else {
                assertEquals(first.getMessage(), e.getMessage(), "the backends fail alike on " + source);
            }
        }
        return first;
    }

    private <T> T agree(String source, Function<Integer, T> run) {
        T first = null;
        for (int i = 0; i < runtimes.size(); i++) {
            T result = run.apply(i);
            if (i == 0) {
                first = result;
            } else {
                assertEquals(first, result, "the backends agree on " + source);
            }
        }
        return first;
    }
}

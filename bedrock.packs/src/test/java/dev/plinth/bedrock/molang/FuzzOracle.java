package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.jvm.BytecodeBackend;
import dev.plinth.bedrock.molang.internal.runtime.Backend;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What a fuzzed source must satisfy: compiling and evaluating it either succeed or fail with a
 * {@link MolangException} positioned inside the source, never with another exception, and both backends give the
 * same outcome (the same value or the same error). Each evaluation runs against a fresh entity with a seeded random
 * source and a small iteration limit, so that no input runs long.
 *
 * <p>Not thread-safe.
 */
final class FuzzOracle {

    private static final int ITERATION_LIMIT = 2_000;
    private static final int COMPILES_PER_SCOPE = 500;
    private static final MolangQueries QUERIES = Mob.queries().toBuilder().withCost("position", 50).build();

    private final Side tree = new Side(new TreeBackend());
    private final Side bytecode = new Side(new BytecodeBackend());
    private final Map<String, Integer> outcomes = new TreeMap<>();

    /** One backend, its runtime and its current scope (replaced now and then so that its classes can go). */
    private static final class Side {
        private final Molang molang;
        private MolangScope scope;
        private int compiled;

        Side(Backend backend) {
            molang = new MolangEngine("fuzz", QUERIES, ITERATION_LIMIT, backend);
            scope = molang.scope("fuzz", QUERIES);
        }

        /** A fresh entity, its random source seeded so that both backends draw the same numbers. */
        private MolangContext context() {
            MolangContext context = molang.newContext(new Mob(), molang.newVariables());
            context.setRandom(new SplittableRandom(7));
            context.setThisValue(0.5);
            return context;
        }

        String outcome(String source) {
            if (++compiled % COMPILES_PER_SCOPE == 0) {
                scope.close();
                scope = molang.scope("fuzz", QUERIES);
            }
            try {
                MolangExpression expression = scope.compile(source);
                MolangValue value = expression.evaluateValue(context());
                double number = expression.evaluate(context());
                return "value " + value + ", number " + (value instanceof MolangValue.Number ? "" : number);
            } catch (MolangException e) {
                assertTrue(e.getMessage().startsWith("molang: " + e.line() + ":" + e.column() + ": "), e.getMessage());
                assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
                assertTrue(e.line() <= source.lines().count() + 1 || source.isEmpty(), e.getMessage());
                return "error " + e.code() + ": " + e.getMessage();
            }
        }
    }

    /**
     * Checks one source.
     *
     * @param source any text
     * @throws AssertionError when an outcome breaks the rules
     */
    void check(String source) {
        String expected = tree.outcome(source);
        assertEquals(expected, bytecode.outcome(source), () -> "the backends disagree on: " + source);
        outcomes.merge(expected.startsWith("error ") ? expected.substring(6, expected.indexOf(':')) : "evaluated", 1,
                Integer::sum);
    }

    /**
     * How the sources checked so far ended.
     *
     * @return outcome ({@code evaluated} or an error code) to count
     */
    Map<String, Integer> outcomes() {
        return outcomes;
    }
}

package dev.plinth.bedrock.molang.internal.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.molang.internal.analysis.Resolved;
import dev.plinth.bedrock.molang.internal.analysis.Resolver;
import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import dev.plinth.bedrock.molang.internal.syntax.Parser;
import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.RequiresCorpus;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions become hidden classes of their scope's own loader, and go away with it. */
class BytecodeBackendTest {

    private final BytecodeBackend backend = new BytecodeBackend();
    private final Molang molang = new MolangEngine("test", MolangQueries.none(), Molang.DEFAULT_ITERATION_LIMIT,
            backend);

    @Test
    void anExpressionIsAHiddenClassOfItsScopesLoader() {
        try (MolangScope scope = molang.scope("starter-pack", MolangQueries.none())) {
            MolangExpression expression = scope.compile("math.sin(v.x * 360) * 0.5 + 0.5");
            Class<?> type = expression.getClass();
            assertTrue(type.isHidden());
            assertEquals("molang:starter-pack", type.getClassLoader().getName());
            assertTrue(type.getName().startsWith(ScopeClassLoader.PACKAGE + ".Expression/"), type.getName());
            assertEquals(0, backend.fallbacks());
        }
    }

    @Test
    void theClassesOfAClosedScopeAreUnloaded() throws InterruptedException {
        MolangScope scope = molang.scope("leaving-pack", MolangQueries.none());
        var classes = new ArrayList<WeakReference<Class<?>>>();
        WeakReference<ClassLoader> loader = compileSome(scope, classes);
        scope.close();
        scope = null;
        for (int i = 0; i < 100 && (loader.get() != null || classes.stream().anyMatch(c -> c.get() != null)); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(loader.get(), "the scope's class loader was collected");
        assertTrue(classes.stream().allMatch(c -> c.get() == null), "every compiled class was unloaded");
    }

    private WeakReference<ClassLoader> compileSome(MolangScope scope, List<WeakReference<Class<?>>> classes) {
        MolangContext context = molang.newContext(new Object(), molang.newVariables());
        ClassLoader loader = null;
        for (int i = 0; i < 10; i++) {
            MolangExpression expression = scope.compile("v.x = v.x + " + i + "; return v.x * 2;");
            expression.evaluate(context);
            classes.add(new WeakReference<>(expression.getClass()));
            loader = expression.getClass().getClassLoader();
        }
        return new WeakReference<>(loader);
    }

    @Test
    void aBreakInsideAnOperandRunsOnTheTreeBackend() {
        MolangContext context = molang.newContext(new Object(), molang.newVariables());
        MolangExpression expression = molang.compile(
                "t.n = 0; loop(10, { t.n = t.n + 1; t.x = 1 + (t.n >= 3 ? break : 2); }); return t.n;");
        assertEquals(3, expression.evaluate(context));
        assertEquals(1, backend.fallbacks());
        assertFalse(expression.getClass().isHidden());
    }

    @Test
    @RequiresCorpus({"molang-expressions.txt", "molang-programs.txt"})
    void everyCorpusExpressionCompilesToBytecode() throws Exception {
        int compiled = 0;
        for (String file : List.of("molang-expressions.txt", "molang-programs.txt")) {
            for (String line : Files.readAllLines(Corpus.path(file))) {
                if (line.isBlank() || line.startsWith("Sword Singer")) {
                    continue;
                }
                assertTrue(molang.compile(line.replace("\\n", "\n")).getClass().isHidden(), line);
                compiled++;
            }
        }
        assertEquals(425, compiled);
        assertEquals(0, backend.fallbacks());
    }

    @Test
    void severalThreadsCompileIntoOneScopeAtOnce() throws Exception {
        try (MolangScope scope = molang.scope("busy-pack", MolangQueries.none());
                var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var results = new ArrayList<java.util.concurrent.Future<Double>>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(threads.submit(() -> scope.compile("t.x = " + n + "; return t.x * 2 + math.abs(-1);")
                        .evaluate(molang.newContext(new Object(), molang.newVariables()))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i * 2 + 1, results.get(i).get());
            }
        }
        assertEquals(0, backend.fallbacks());
    }

    /** Straight-line code is written without stack-map frames; the verifier accepts both kinds. */
    @Test
    void expressionsWithAndWithoutBranchesLoadAndRun() {
        MolangQueries queries = MolangQueries.builder().withNumber("health", (c, a) -> 8).build();
        Molang runtime = new MolangEngine("test", queries, Molang.DEFAULT_ITERATION_LIMIT, backend);
        MolangContext context = runtime.newContext(new Object(), runtime.newVariables());
        var cases = List.of(
                new Object[] {"v.a = q.health * 2; v.b = math.sin(v.a * 15) + math.clamp(v.a, 0, 10); t.c = -v.b;"
                        + " v.d = t.c * 2;", true, 0.0},
                new Object[] {"v.a + v.b + v.d", true, 16 + (10 - Math.sqrt(3) / 2) * -1},
                new Object[] {"v.n = 'x'; v.m = v.n;", true, 0.0},
                new Object[] {"3 + c.other", true, 3.0},
                new Object[] {"q.health > 4 ? 1 : 2", false, 1.0},
                new Object[] {"v.z ?? 7", false, 7.0},
                new Object[] {"t.s = 0; loop(3, { t.s = t.s + 1; }); return t.s;", false, 3.0},
                new Object[] {"return math.die_roll(1, 2, 2);", false, 2.0},
                new Object[] {"!v.unset", false, 1.0});
        for (Object[] c : cases) {
            String source = (String) c[0];
            Resolved resolved = Resolver.resolve(source, Parser.parse(source), queries, java.util.Map.of(),
                    ((MolangEngine) runtime).variableSymbols(), ((MolangEngine) runtime).contextSymbols());
            assertEquals(c[1], Emitter.isStraight(resolved), source);
            MolangExpression expression = runtime.compile(source);
            assertTrue(expression.getClass().isHidden(), source);
            assertEquals((double) c[2], expression.evaluate(context), 1e-9, source);
        }
        assertEquals(0, backend.fallbacks());
    }

    @Test
    void theTreeBackendLoadsNoClass() {
        Molang trees = new MolangEngine("test", MolangQueries.none(), 100, new TreeBackend());
        assertFalse(trees.compile("1 + v.x").getClass().isHidden());
    }
}

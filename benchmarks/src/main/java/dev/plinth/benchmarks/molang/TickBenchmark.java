package dev.plinth.benchmarks.molang;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.jvm.BytecodeBackend;
import dev.plinth.bedrock.molang.internal.runtime.Backend;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One server tick of Molang: 1,000 entities, each evaluating 20 expressions of the shared corpus (the first 20 that
 * read numeric queries: animations, particles, loot), each entity with its own context and variables. The issue's
 * target: one tick &le; 0.5 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TickBenchmark {

    private static final int ENTITIES = 1000;
    private static final int EXPRESSIONS = 20;
    private static final Pattern QUERY = Pattern.compile("(?i)\\b(?:q|query)\\.([a-z_][a-z0-9_]*)");

    /** The backend. */
    @Param({"bytecode", "tree"})
    public String backend;

    private MolangExpression[] expressions;
    private MolangContext[] contexts;

    /** Compiles the expressions and makes the entities. */
    @Setup
    public void setUp() {
        List<String> sources = Formulas.corpusLines("molang-expressions.txt").stream()
                .filter(s -> QUERY.matcher(s).find() && !s.contains("block_state") && !s.contains("property")
                        && !s.contains("get_equipped_item_name") && !s.contains("item_slot"))
                .limit(EXPRESSIONS).toList();
        var queries = MolangQueries.builder();
        for (String source : sources) {
            Matcher m = QUERY.matcher(source);
            while (m.find()) {
                queries.withNumber(m.group(1).toLowerCase(Locale.ROOT), (c, a) -> BenchMob.mob(c).other);
            }
        }
        Backend chosen = backend.equals("bytecode") ? new BytecodeBackend() : new TreeBackend();
        Molang molang = new MolangEngine("tick", queries.build(), Molang.DEFAULT_ITERATION_LIMIT, chosen);
        expressions = sources.stream().map(molang::compile).toArray(MolangExpression[]::new);
        if (expressions.length != EXPRESSIONS) {
            throw new IllegalStateException("the corpus has " + expressions.length + " such expressions");
        }
        contexts = new MolangContext[ENTITIES];
        for (int i = 0; i < ENTITIES; i++) {
            BenchMob mob = new BenchMob();
            mob.other = i / (double) ENTITIES;
            contexts[i] = molang.newContext(mob, molang.newVariables());
            contexts[i].variables().set("particle_random_1", 0.5);
        }
    }

    /** @return the sum of every value of the tick */
    @Benchmark
    public double tick() {
        double sum = 0;
        for (MolangContext context : contexts) {
            for (MolangExpression expression : expressions) {
                sum += expression.evaluate(context);
            }
        }
        return sum;
    }
}

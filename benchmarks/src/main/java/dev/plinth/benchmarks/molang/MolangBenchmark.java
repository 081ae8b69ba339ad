package dev.plinth.benchmarks.molang;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.jvm.BytecodeBackend;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import team.unnamed.mocha.MochaEngine;
import team.unnamed.mocha.runtime.MochaFunction;

/**
 * One evaluation of a formula against one entity, four ways:
 * <ul>
 *   <li>{@code handWritten}: the Java lambda of the same formula, reading the same fields (the baseline);</li>
 *   <li>{@code plinthBytecode}: the expression compiled to a JVM class (Plinth's default backend);</li>
 *   <li>{@code plinthTree}: the expression compiled to a tree of pre-bound lambdas (the other backend);</li>
 *   <li>{@code mocha}: unnamed's mocha 3.0.1 on the same expression, its queries bound to the same fields. Its
 *       bytecode compiler cannot compile an expression that reads a binding ("Generated bad bytecode", mocha issues
 *       #5 and #29, on Java 17 and 25 alike), so this is its {@code prepareEval} (parsed once, interpreted).</li>
 * </ul>
 * The targets: plinthBytecode / handWritten &le; 1.5 and plinthBytecode faster than mocha, per formula.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class MolangBenchmark {

    /** The formula: the three, and a long program of the corpus. */
    @Param({"sin", "ratio", "assign", "program"})
    public String formula;

    private BenchMob mob;
    private ToDoubleFunction<BenchMob> hand;
    private MolangExpression bytecode;
    private MolangContext bytecodeContext;
    private MolangExpression tree;
    private MolangContext treeContext;
    private MochaFunction mocha;

    /** Compiles the formula every way. */
    @Setup
    public void setUp() {
        mob = new BenchMob();
        String source = Formulas.source(formula);
        hand = Formulas.handWritten(formula);
        Molang compiled = new MolangEngine("bench", BenchMob.queries(), Molang.DEFAULT_ITERATION_LIMIT,
                new BytecodeBackend());
        bytecode = compiled.compile(source);
        bytecodeContext = compiled.newContext(mob, compiled.newVariables());
        Molang trees = new MolangEngine("bench", BenchMob.queries(), Molang.DEFAULT_ITERATION_LIMIT,
                new TreeBackend());
        tree = trees.compile(source);
        treeContext = trees.newContext(mob, trees.newVariables());
        MochaEngine<?> engine = MochaEngine.createStandard();
        engine.bindInstance(BenchMob.class, mob, "query", "q");
        mocha = engine.prepareEval(source);
        double expected = hand.applyAsDouble(mob);
        check("plinth bytecode", expected, bytecode.evaluate(bytecodeContext));
        check("plinth tree", expected, tree.evaluate(treeContext));
        if (!formula.equals("program")) {
            check("mocha", expected, mocha.evaluate());
        }
    }

    private void check(String who, double expected, double actual) {
        if (Math.abs(expected - actual) > 1e-9) {
            throw new IllegalStateException(who + " computes " + actual + " for " + formula + ", not " + expected);
        }
    }

    /** @return the hand-written lambda's value */
    @Benchmark
    public double handWritten() {
        return hand.applyAsDouble(mob);
    }

    /** @return the compiled class's value */
    @Benchmark
    public double plinthBytecode() {
        return bytecode.evaluate(bytecodeContext);
    }

    /** @return the lambda tree's value */
    @Benchmark
    public double plinthTree() {
        return tree.evaluate(treeContext);
    }

    /** @return mocha's value */
    @Benchmark
    public double mocha() {
        return mocha.evaluate();
    }
}

package dev.plinth.benchmarks.molang;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.molang.internal.closure.TreeBackend;
import dev.plinth.bedrock.molang.internal.jvm.BytecodeBackend;
import dev.plinth.bedrock.molang.internal.runtime.MolangEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Compiling one expression, from its text to something that runs: parse, bind, and either generate and define a
 * hidden class (bytecode) or build the lambda tree (tree). The target: &le; 50 µs per expression. Each
 * operation compiles a new text (the formula with a different constant added), since a scope gives a text it
 * compiled before again without compiling it. The scope is closed after each iteration, so its classes are unloaded
 * as they would be with their pack.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CompileBenchmark {

    /** The formula compiled. */
    @Param({"sin", "program"})
    public String formula;

    private String source;
    private long next;
    private MolangScope bytecode;
    private MolangScope tree;

    /** Reads the formula. */
    @Setup
    public void setUp() {
        source = Formulas.source(formula);
    }

    /** Opens fresh scopes for the iteration. */
    @Setup(Level.Iteration)
    public void openScopes() {
        bytecode = new MolangEngine("compile", BenchMob.queries(), Molang.DEFAULT_ITERATION_LIMIT,
                new BytecodeBackend()).scope("pack", BenchMob.queries());
        tree = new MolangEngine("compile", BenchMob.queries(), Molang.DEFAULT_ITERATION_LIMIT,
                new TreeBackend()).scope("pack", BenchMob.queries());
    }

    /** Closes the iteration's scopes. */
    @TearDown(Level.Iteration)
    public void closeScopes() {
        bytecode.close();
        tree.close();
    }

    /** The formula with a new constant in it: a text the scope has not compiled yet. */
    private String variant() {
        long n = next++;
        return source.endsWith(";") ? source + " t.k = " + n + ";" : source + " + " + n;
    }

    /** @return a new compiled class */
    @Benchmark
    public MolangExpression compileBytecode() {
        return bytecode.compile(variant());
    }

    /** @return a new lambda tree */
    @Benchmark
    public MolangExpression compileTree() {
        return tree.compile(variant());
    }
}

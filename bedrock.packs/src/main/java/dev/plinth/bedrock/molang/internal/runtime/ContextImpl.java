package dev.plinth.bedrock.molang.internal.runtime;

import static java.util.Objects.requireNonNull;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.MolangVariables;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The context of {@link MolangEngine}: compiled code reads its fields directly.
 *
 * <p>Not thread-safe.
 */
public final class ContextImpl extends MolangContext {

    private static final RandomGeneratorFactory<RandomGenerator> RANDOMS = RandomGeneratorFactory.of("L64X128MixRandom");

    /** The runtime this context belongs to. */
    public final MolangEngine engine;
    /** The entity. */
    public final Object target;
    /** The entity's variables. */
    public final VariableStore variables;
    /** The context values of the call. */
    public final VariableStore context;
    /** What {@code this} reads. */
    public double thisValue;
    /** The random source. */
    public RandomGenerator random;

    ContextImpl(MolangEngine engine, Object target, VariableStore variables) {
        this.engine = engine;
        this.target = requireNonNull(target, "target");
        this.variables = variables;
        this.context = new VariableStore(engine.contextSymbols(), "context.", "c.");
        this.random = RANDOMS.create();
    }

    @Override
    public Object target() {
        return target;
    }

    @Override
    public MolangVariables variables() {
        return variables;
    }

    @Override
    public double thisValue() {
        return thisValue;
    }

    @Override
    public void setThisValue(double value) {
        this.thisValue = value;
    }

    @Override
    public void setContext(String name, double value) {
        context.set(name, value);
    }

    @Override
    public void setContext(String name, MolangValue value) {
        context.set(name, value);
    }

    @Override
    public void clearContext() {
        context.clear();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void setRandom(RandomGenerator random) {
        this.random = requireNonNull(random, "random");
    }

    @Override
    public String toString() {
        return "MolangContext[" + target + "]";
    }
}

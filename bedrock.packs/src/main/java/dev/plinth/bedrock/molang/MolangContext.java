package dev.plinth.bedrock.molang;

import java.util.random.RandomGenerator;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What one evaluation runs against: the entity (the host's object, which the queries read), that entity's
 * {@linkplain MolangVariables variables} ({@code variable.*}), the value of {@code this}, the {@code context.*}
 * values of the call, and the random source of {@code math.random}. Contexts are made by
 * {@link Molang#newContext(Object, MolangVariables)}; temporaries ({@code temp.*}) belong to each evaluation and
 * are not kept here.
 *
 * <p>Not thread-safe: a context is used by one thread at a time (for entities, the game thread). It may be reused
 * for any number of evaluations; only {@link #setThisValue} and the context values change between them.
 *
 * <p>An abstract class rather than an interface: the runtime's context is its one subclass, which the JIT then
 * knows from the class hierarchy, so compiled expressions and queries reach the context with no type check. Hosts
 * use contexts; they do not extend this class.
 */
@ProviderType
public abstract class MolangContext {

    /** For the runtime's own context: hosts get contexts from {@link Molang#newContext}. */
    protected MolangContext() {
    }

    /**
     * The host's entity (or block, item...) this context stands for, as the host's queries expect it.
     *
     * @return the target given when the context was made
     */
    public abstract Object target();

    /**
     * The entity's variables, kept between evaluations.
     *
     * @return the store given when the context was made
     */
    public abstract MolangVariables variables();

    /**
     * The value {@code this} reads: in an animation, the current value of the channel being computed.
     *
     * @return the value, 0 by default
     */
    public abstract double thisValue();

    /**
     * Sets what {@code this} reads.
     *
     * @param value the value
     */
    public abstract void setThisValue(double value);

    /**
     * Sets a {@code context.NAME} value to a number for the next evaluations.
     *
     * @param name the name, without {@code context.}, any letter case ({@code is_first_person})
     * @param value the number
     * @throws IllegalArgumentException when the name is not a Molang name
     */
    public abstract void setContext(String name, double value);

    /**
     * Sets a {@code context.NAME} value, for example {@code other} to another entity's context.
     *
     * @param name the name, without {@code context.}, any letter case
     * @param value the value
     * @throws IllegalArgumentException when the name is not a Molang name
     */
    public abstract void setContext(String name, MolangValue value);

    /** Removes every {@code context.*} value: they read 0 again. */
    public abstract void clearContext();

    /**
     * The random source of {@code math.random}, {@code math.random_integer}, {@code math.die_roll} and
     * {@code math.die_roll_integer}.
     *
     * @return the generator
     */
    public abstract RandomGenerator random();

    /**
     * Replaces the random source, for example with a seeded one for reproducible results.
     *
     * @param random the generator
     */
    public abstract void setRandom(RandomGenerator random);
}

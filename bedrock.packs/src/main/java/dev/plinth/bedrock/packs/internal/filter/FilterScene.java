package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Where a filter is evaluated: its subjects and the world around {@code self}. Game thread only.
 */
public interface FilterScene {

    /**
     * A subject of the filter.
     *
     * @param name {@code self}, {@code other}, {@code target}, {@code player}, {@code parent}, {@code damager}
     * @return the subject, or empty when there is none (a test on a missing subject fails)
     */
    Optional<FilterSubject> subject(String name);

    /** {@return the world of {@code self}} */
    World world();

    /** {@return where {@code self} is} */
    Position position();

    /** {@return the cause of the damage being dealt, for {@code has_damage}} */
    default Optional<DamageCause> damage() {
        return Optional.empty();
    }

    /** {@return the random source of {@code random_chance}} */
    RandomGenerator random();

    /** {@return the Molang context of {@code self}, for values written as Molang} */
    MolangContext molang();

    /** {@return the environment: difficulty and biomes} */
    Environment environment();
}

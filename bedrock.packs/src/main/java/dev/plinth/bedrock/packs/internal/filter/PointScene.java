package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A filter evaluated at a place rather than for an entity (a spawn rule's {@code biome_filter}, a feature rule's
 * conditions): tests about the world, the biome and the difficulty answer; tests about a subject fail, since there is
 * none. Game thread only.
 *
 * @param world the world
 * @param position the place
 * @param random the random source of {@code random_chance}
 * @param molang the Molang context values written as Molang are evaluated in
 * @param environment the difficulty and biomes
 */
public record PointScene(World world, Position position, RandomGenerator random, MolangContext molang,
        Environment environment) implements FilterScene {

    @Override
    public Optional<FilterSubject> subject(String name) {
        return Optional.empty();
    }
}

package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.core.runtime.world.Dimension;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the simulated world does not model itself but filters and spawn rules ask: the difficulty and the biome of
 * each dimension (the simulated worlds are flat, one biome each). Server setting {@code packs.difficulty} and
 * {@code packs.biomes}. Immutable.
 *
 * @param difficulty {@code peaceful}, {@code easy}, {@code normal} or {@code hard}
 * @param biomes each dimension's biome
 */
public record Environment(String difficulty, Map<Dimension, Biome> biomes) {

    /** The difficulties, easiest first. */
    public static final List<String> DIFFICULTIES = List.of("peaceful", "easy", "normal", "hard");

    /** Normal difficulty; plains, hell and the end. */
    public static final Environment DEFAULTS = new Environment("normal", Map.of(
            Dimension.OVERWORLD, new Biome("plains", Set.of("overworld", "plains", "animal", "monster", "grass")),
            Dimension.NETHER, new Biome("hell", Set.of("nether", "hell", "spawn_many_magma_cubes")),
            Dimension.THE_END, new Biome("the_end", Set.of("the_end"))));

    /** Validates the difficulty and copies the biomes. */
    public Environment {
        difficulty = difficulty.toLowerCase(Locale.ROOT);
        if (!DIFFICULTIES.contains(difficulty)) {
            throw new IllegalArgumentException("unknown difficulty '" + difficulty + "': use " + DIFFICULTIES);
        }
        biomes = Map.copyOf(biomes);
    }

    /** {@return the difficulty as a number: 0 peaceful to 3 hard} */
    public int difficultyLevel() {
        return DIFFICULTIES.indexOf(difficulty);
    }

    /**
     * The biome of a dimension.
     *
     * @param dimension the dimension
     * @return its biome
     */
    public Biome biome(Dimension dimension) {
        return Objects.requireNonNull(biomes.get(dimension), dimension.id());
    }

    /**
     * A biome: its name and tags ({@code has_biome_tag}).
     *
     * @param id the biome's name ({@code plains})
     * @param tags its tags
     */
    public record Biome(String id, Set<String> tags) {
        /** Copies the tags. */
        public Biome {
            tags = Set.copyOf(tags);
        }
    }
}

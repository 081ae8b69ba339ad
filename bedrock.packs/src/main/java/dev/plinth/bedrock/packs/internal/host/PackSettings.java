package dev.plinth.bedrock.packs.internal.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.PackJson;
import dev.plinth.bedrock.packs.internal.filter.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The behavior-pack host's settings, the {@code packs} object of {@code conf/server.json}: the seed of the random
 * source every loot roll, spawn cycle and entity event uses ({@code seed}, random when absent), the difficulty
 * filters and spawn rules see ({@code difficulty}, {@code normal}), and how often the spawner runs
 * ({@code spawn_interval_ticks}, 0 = never: {@code sim:spawncycle} runs it by hand). Immutable.
 *
 * @param seed the seed, if set
 * @param environment the difficulty and the biomes
 * @param spawnIntervalTicks ticks between spawn cycles, 0 for none
 */
public record PackSettings(OptionalLong seed, Environment environment, int spawnIntervalTicks) {

    /** No seed, normal difficulty, no automatic spawning. */
    public static final PackSettings DEFAULTS = new PackSettings(OptionalLong.empty(), Environment.DEFAULTS, 0);

    /**
     * Reads the settings.
     *
     * @param file {@code conf/server.json}
     * @return the settings; the defaults when the file or the object is missing
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when a value is invalid
     */
    public static PackSettings read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        JsonNode packs = PackJson.parse(Files.readAllBytes(file)).path("packs");
        if (packs.isMissingNode()) {
            return DEFAULTS;
        }
        JsonNode seed = packs.path("seed");
        if (!seed.isMissingNode() && !seed.isIntegralNumber()) {
            throw new IllegalArgumentException("packs.seed is a whole number, not " + seed);
        }
        int interval = packs.path("spawn_interval_ticks").asInt(0);
        if (interval < 0) {
            throw new IllegalArgumentException("packs.spawn_interval_ticks is 0 (off) or more, not " + interval);
        }
        return new PackSettings(seed.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(seed.asLong()),
                new Environment(packs.path("difficulty").asText("normal"), Environment.DEFAULTS.biomes()), interval);
    }
}

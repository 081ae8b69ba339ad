package dev.plinth.bedrock.packs.internal.spawn;

import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.SpawnRuleDefinition;
import dev.plinth.bedrock.packs.internal.definition.SpawnRuleDefinition.Condition;
import dev.plinth.bedrock.packs.internal.definition.SpawnRuleDefinition.Place;
import dev.plinth.bedrock.packs.internal.entity.PackEntityType;
import dev.plinth.bedrock.packs.internal.filter.Filters;
import dev.plinth.bedrock.packs.internal.filter.PointScene;
import dev.plinth.bedrock.packs.internal.host.ActivePack;
import dev.plinth.bedrock.packs.internal.host.PackRegistry;
import dev.plinth.bedrock.packs.internal.molang.PackQueries;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Spawns pack entities by their spawn rules, as Bedrock's world does, one cycle at a time: around each player of a
 * world (around its spawn point when no player is there), every rule whose entity is spawnable and whose world-wide
 * conditions hold ({@code biome_filter}, {@code difficulty_filter}, {@code density_limit} not reached) is a
 * candidate; each population ({@code population_control}: monster, animal...) picks one candidate by
 * {@code weight}, which then looks for a place within {@value #RANGE} blocks ({@code spawns_on_surface},
 * {@code spawns_underground}, {@code spawns_underwater}, {@code spawns_lava}) that passes its place conditions
 * ({@code brightness_filter}, {@code height_filter}, {@code spawns_on_block_filter},
 * {@code spawns_on_block_prevented_filter}) and spawns a {@code herd} there, with the reason {@code natural}. Every
 * roll comes from the packs' seeded random source, so a seeded server spawns the same way each time.
 *
 * <p>Game thread only.
 */
public final class Spawner {

    /** How far from a center a place is looked for, in blocks along x and z. */
    static final int RANGE = 16;
    /** How many places a picked rule tries before it gives up for the cycle. */
    static final int ATTEMPTS = 4;
    /** The most centers (players) one cycle spawns around. */
    static final int MAX_CENTERS = 16;
    private static final int HERD_SPREAD = 2;

    private final PackRegistry registry;
    private final PackWorld world;

    /**
     * Creates the spawner.
     *
     * @param registry the started packs: their spawn rules and entity types
     * @param world the shared world services (random source, environment, Molang)
     */
    public Spawner(PackRegistry registry, PackWorld world) {
        this.registry = registry;
        this.world = world;
    }

    /** A spawn rule in use: the latest started pack's rule for an entity. */
    private record Rule(String pack, SpawnRuleDefinition definition) {}

    /** A condition that may spawn here, with its weight in its population. */
    private record Candidate(Rule rule, Condition condition) {}

    /**
     * Runs one spawn cycle in a world.
     *
     * @param target the world
     * @return what spawned and why the rest did not
     */
    public SpawnCycle cycle(World target) {
        var centers = new LinkedHashMap<String, Position>();
        for (Entity entity : target.entities()) {
            if (entity instanceof Player player && centers.size() < MAX_CENTERS) {
                centers.put(player.name() + " at " + player.position(), player.position());
            }
        }
        if (centers.isEmpty()) {
            centers.put("the spawn point " + target.spawnPoint(), target.spawnPoint());
        }
        var lines = new ArrayList<String>();
        int spawned = 0;
        Map<String, Rule> rules = rules();
        if (rules.isEmpty()) {
            lines.add("no started pack has a spawn rule");
        }
        for (Position center : centers.values()) {
            spawned += around(target, center, rules, lines);
        }
        return new SpawnCycle(target.name(), List.copyOf(centers.keySet()), lines, spawned);
    }

    private int around(World target, Position center, Map<String, Rule> rules, List<String> lines) {
        var populations = new LinkedHashMap<String, List<Candidate>>();
        for (Rule rule : rules.values()) {
            String entity = rule.definition().id();
            Optional<String> refused = spawnable(entity);
            if (refused.isPresent()) {
                lines.add(entity + ": not spawned: " + refused.get());
                continue;
            }
            for (Condition condition : rule.definition().conditions()) {
                Optional<String> why = worldConditions(target, center, entity, condition);
                if (why.isPresent()) {
                    lines.add(entity + ": not spawned: " + why.get());
                } else if (condition.weight() > 0) {
                    populations.computeIfAbsent(rule.definition().populationControl(), p -> new ArrayList<>())
                            .add(new Candidate(rule, condition));
                }
            }
        }
        int spawned = 0;
        RandomGenerator random = world.random();
        for (var population : populations.entrySet()) {
            Candidate picked = pick(population.getValue(), random);
            for (Candidate other : population.getValue()) {
                if (other != picked && other.rule() != picked.rule()) {
                    lines.add(other.rule().definition().id() + ": not picked this cycle (weight "
                            + other.condition().weight() + " against " + picked.rule().definition().id() + "'s "
                            + picked.condition().weight() + " in the " + population.getKey() + " population)");
                }
            }
            spawned += place(target, center, picked, lines);
        }
        return spawned;
    }

    private static Candidate pick(List<Candidate> candidates, RandomGenerator random) {
        int total = candidates.stream().mapToInt(c -> c.condition().weight()).sum();
        int roll = random.nextInt(total);
        for (Candidate candidate : candidates) {
            roll -= candidate.condition().weight();
            if (roll < 0) {
                return candidate;
            }
        }
        return candidates.getLast();
    }

    /** The spawn rules in use, by entity: a later started pack's rule replaces an earlier one's. */
    private Map<String, Rule> rules() {
        var rules = new LinkedHashMap<String, Rule>();
        for (ActivePack pack : registry.packs()) {
            for (SpawnRuleDefinition rule : pack.loaded().all(DefinitionKind.SPAWN_RULE, SpawnRuleDefinition.class)) {
                rules.put(rule.id(), new Rule(pack.name(), rule));
            }
        }
        return rules;
    }

    /** Why an entity type cannot be spawned by the world, if it cannot. */
    private Optional<String> spawnable(String entity) {
        Optional<PackEntityType> type = registry.packs().reversed().stream()
                .flatMap(p -> Optional.ofNullable(p.entityTypes().get(entity)).stream()).findFirst();
        if (type.isPresent()) {
            return type.get().spawnable() ? Optional.empty()
                    : Optional.of("it is not spawnable (is_spawnable is false)");
        }
        return entity.startsWith(Identifier.DEFAULT_NAMESPACE + ":") ? Optional.empty()
                : Optional.of("no started pack defines the entity");
    }

    /** Why the conditions that do not depend on the place fail, if they do. */
    private Optional<String> worldConditions(World target, Position center, String entity, Condition condition) {
        var environment = world.environment().get();
        int difficulty = environment.difficultyLevel();
        if (difficulty < condition.minDifficulty() || difficulty > condition.maxDifficulty()) {
            return Optional.of("difficulty " + environment.difficulty() + " is outside the rule's "
                    + condition.minDifficulty() + ".." + condition.maxDifficulty() + " (0 peaceful to 3 hard)");
        }
        if (!Filters.test(condition.biomes(), scene(target, center))) {
            return Optional.of("biome_filter fails in " + environment.biome(target.dimension()).id() + " (tags "
                    + environment.biome(target.dimension()).tags() + ")");
        }
        boolean underground = condition.place() == Place.UNDERGROUND;
        int limit = underground ? condition.undergroundLimit() : condition.surfaceLimit();
        if (limit >= 0 && count(target, entity, underground) >= limit) {
            return Optional.of("density_limit reached (" + limit + (underground ? " underground" : " on the surface")
                    + ")");
        }
        return Optional.empty();
    }

    /** Looks for a place for a picked rule and spawns its herd there; returns how many spawned. */
    private int place(World target, Position center, Candidate candidate, List<String> lines) {
        String entity = candidate.rule().definition().id();
        Condition condition = candidate.condition();
        RandomGenerator random = world.random();
        String lastReason = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int x = (int) Math.floor(center.x()) + random.nextInt(-RANGE, RANGE + 1);
            int z = (int) Math.floor(center.z()) + random.nextInt(-RANGE, RANGE + 1);
            Optional<BlockPos> spot = spot(target, condition.place(), x, z);
            if (spot.isEmpty()) {
                lastReason = "no " + condition.place().id() + " place near (" + x + ", " + z + ")";
                continue;
            }
            Optional<String> why = placeConditions(target, spot.get(), condition);
            if (why.isPresent()) {
                lastReason = why.get() + " at " + spot.get();
                continue;
            }
            return herd(target, spot.get(), candidate, lines);
        }
        lines.add(entity + ": not spawned: " + lastReason + " (" + ATTEMPTS + " places tried)");
        return 0;
    }

    private int herd(World target, BlockPos first, Candidate candidate, List<String> lines) {
        String entity = candidate.rule().definition().id();
        Condition condition = candidate.condition();
        RandomGenerator random = world.random();
        int size = random.nextInt(condition.herdMin(), condition.herdMax() + 1);
        boolean underground = condition.place() == Place.UNDERGROUND;
        int limit = underground ? condition.undergroundLimit() : condition.surfaceLimit();
        if (limit >= 0) {
            size = Math.min(size, limit - count(target, entity, underground));
        }
        var spawned = new ArrayList<String>();
        var failures = new ArrayList<String>();
        for (int i = 0; i < size; i++) {
            BlockPos at = first;
            if (i > 0) {
                Optional<BlockPos> near = spot(target, condition.place(),
                        first.x() + random.nextInt(-HERD_SPREAD, HERD_SPREAD + 1),
                        first.z() + random.nextInt(-HERD_SPREAD, HERD_SPREAD + 1));
                if (near.isEmpty() || placeConditions(target, near.get(), condition).isPresent()) {
                    continue;
                }
                at = near.get();
            }
            try {
                target.spawnEntity(entity, at.bottomCenter(), SpawnReason.NATURAL)
                        .ifPresentOrElse(e -> spawned.add("#" + e.id() + " at " + e.position()),
                                () -> failures.add("a spawn was cancelled"));
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        String rule = " (" + candidate.rule().definition().source() + ", herd " + condition.herdMin() + ".."
                + condition.herdMax() + ")";
        if (!spawned.isEmpty()) {
            lines.add(entity + ": spawned " + String.join(", ", spawned) + rule);
        }
        if (!failures.isEmpty()) {
            lines.add(entity + ": not spawned: " + String.join("; ", failures) + rule);
        }
        return spawned.size();
    }

    /** Why a place does not suit a condition, if it does not. */
    private Optional<String> placeConditions(World target, BlockPos at, Condition condition) {
        int light = condition.place() == Place.UNDERGROUND || condition.place() == Place.LAVA ? 0
                : condition.adjustForWeather() ? Filters.brightness(target) : Filters.brightness(target, false);
        if (light < condition.minBrightness() || light > condition.maxBrightness()) {
            return Optional.of("brightness " + light + " is outside " + condition.minBrightness() + ".."
                    + condition.maxBrightness());
        }
        if (at.y() < condition.minHeight() || at.y() > condition.maxHeight()) {
            return Optional.of("height " + at.y() + " is outside " + condition.minHeight() + ".."
                    + condition.maxHeight());
        }
        String below = target.block(at.offset(0, -1, 0)).type();
        if (!condition.onBlocks().isEmpty() && !condition.onBlocks().contains(below)) {
            return Optional.of("spawns_on_block_filter wants " + condition.onBlocks() + ", not " + below);
        }
        if (condition.preventedOnBlocks().contains(below)) {
            return Optional.of("spawns_on_block_prevented_filter refuses " + below);
        }
        return Optional.empty();
    }

    /**
     * Where in a column an entity of a place would stand: on the surface, the air above the highest block; under
     * water or in lava, the highest such block when it is the column's top; underground, the highest air space
     * below the surface with a solid block under it.
     */
    static Optional<BlockPos> spot(World target, Place place, int x, int z) {
        int top = PackQueries.topSolid(target, x, z);
        if (top < target.minHeight()) {
            return Optional.empty();
        }
        BlockState topBlock = target.block(new BlockPos(x, top, z));
        return switch (place) {
            case SURFACE -> liquid(topBlock) || top + 1 >= target.maxHeight() ? Optional.empty()
                    : Optional.of(new BlockPos(x, top + 1, z));
            case UNDERWATER -> topBlock.type().equals("minecraft:water") ? Optional.of(new BlockPos(x, top, z))
                    : Optional.empty();
            case LAVA -> topBlock.type().equals("minecraft:lava") ? Optional.of(new BlockPos(x, top, z))
                    : Optional.empty();
            case UNDERGROUND -> {
                for (int y = top - 1; y > target.minHeight(); y--) {
                    BlockPos pos = new BlockPos(x, y, z);
                    if (target.block(pos).isAir() && !target.block(pos.offset(0, -1, 0)).isAir()
                            && !liquid(target.block(pos.offset(0, -1, 0)))) {
                        yield Optional.of(pos);
                    }
                }
                yield Optional.empty();
            }
        };
    }

    private static boolean liquid(BlockState block) {
        return block.type().equals("minecraft:water") || block.type().equals("minecraft:lava");
    }

    /** How many entities of a type are in a world, on the surface or underground. */
    private static int count(World target, String entity, boolean underground) {
        int count = 0;
        for (Entity e : target.entities()) {
            if (e.type().equals(entity)) {
                BlockPos at = e.position().blockPos();
                boolean below = PackQueries.topSolid(target, at.x(), at.z()) > at.y();
                if (below == underground) {
                    count++;
                }
            }
        }
        return count;
    }

    private PointScene scene(World target, Position at) {
        var context = world.molang().newContext(new PackQueries.WorldPoint(target, (int) Math.floor(at.x()),
                (int) Math.floor(at.y()), (int) Math.floor(at.z())), world.molang().newVariables());
        return new PointScene(target, at, world.random(), context, world.environment().get());
    }
}

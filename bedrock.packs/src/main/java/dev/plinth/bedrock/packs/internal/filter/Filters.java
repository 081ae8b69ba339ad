package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates {@link Filter}s the way Bedrock does, for the tests the simulated world can answer; a test it cannot
 * ({@link #SIMULATED} does not list it) does not pass. Game thread only.
 */
public final class Filters {

    /** The tests that are evaluated; the others were noted as kept when the pack was read. */
    public static final Set<String> SIMULATED = Set.of("is_family", "has_component", "is_variant", "is_mark_variant",
            "is_skin_id", "is_baby", "has_tag", "int_property", "float_property", "bool_property", "enum_property",
            "has_property", "actor_health", "is_daytime", "clock_time", "moon_phase", "is_difficulty",
            "has_biome_tag", "is_biome", "in_water", "is_underwater", "in_lava", "in_water_or_rain", "weather",
            "weather_at_position", "on_ground", "is_moving", "has_equipment", "has_damage", "random_chance",
            "is_brightness", "is_underground", "is_altitude", "distance_to_nearest_player", "is_block",
            "is_temperature_value", "is_snow_covered", "has_ability", "is_sneaking", "is_riding", "rider_count",
            "is_leashed", "is_sleeping", "in_nether", "in_overworld", "in_the_end", "is_game_rule");

    /** The tests that compare numbers: their value may be Molang. */
    static final Set<String> NUMBER_TESTS = Set.of("int_property", "float_property", "actor_health", "clock_time",
            "moon_phase", "is_variant", "is_mark_variant", "is_skin_id", "is_altitude", "distance_to_nearest_player",
            "is_brightness", "rider_count", "random_chance", "is_temperature_value");

    private static final long DAY = 24_000;

    private Filters() {}

    /**
     * Evaluates a filter.
     *
     * @param filter the filter
     * @param scene where
     * @return whether it passes
     */
    public static boolean test(Filter filter, FilterScene scene) {
        return switch (filter) {
            case Filter.AllOf all -> all.filters().stream().allMatch(f -> test(f, scene));
            case Filter.AnyOf any -> any.filters().stream().anyMatch(f -> test(f, scene));
            case Filter.NoneOf none -> none.filters().stream().noneMatch(f -> test(f, scene));
            case Filter.Test t -> test(t, scene);
        };
    }

    private static boolean test(Filter.Test t, FilterScene scene) {
        Optional<FilterSubject> found = scene.subject(t.subject());
        World world = scene.world();
        Position at = found.map(s -> s.entity().position()).orElse(scene.position());
        Operator op = t.operator();
        return switch (t.test()) {
            case "is_family" -> found.isPresent() && op.matches(found.get().families().contains(text(t)));
            case "has_component" -> found.isPresent() && op.matches(found.get().hasComponent(text(t)));
            case "is_variant" -> found.isPresent()
                    && op.compare(found.get().intComponent("minecraft:variant"), number(t, scene));
            case "is_mark_variant" -> found.isPresent()
                    && op.compare(found.get().intComponent("minecraft:mark_variant"), number(t, scene));
            case "is_skin_id" -> found.isPresent()
                    && op.compare(found.get().intComponent("minecraft:skin_id"), number(t, scene));
            case "is_baby" -> found.isPresent() && op.matches(found.get().hasComponent("minecraft:is_baby") == bool(t));
            case "has_tag" -> found.isPresent() && op.matches(found.get().tags().contains(text(t)));
            case "int_property", "float_property" -> found.flatMap(s -> s.property(t.domain()))
                    .map(v -> v instanceof Double d && op.compare(d, number(t, scene))).orElse(false);
            case "bool_property" -> found.flatMap(s -> s.property(t.domain()))
                    .map(v -> v instanceof Boolean b && op.matches(b == bool(t))).orElse(false);
            case "enum_property" -> found.flatMap(s -> s.property(t.domain()))
                    .map(v -> op.matches(v.equals(text(t)))).orElse(false);
            case "has_property" -> found.isPresent() && op.matches(found.get().property(text(t)).isPresent());
            case "actor_health" -> found.isPresent() && op.compare(found.get().entity().health(), number(t, scene));
            case "is_daytime" -> op.matches(isDay(world) == bool(t));
            case "clock_time" -> op.compare((double) world.time() / DAY, number(t, scene));
            case "moon_phase" -> op.compare(Math.floorMod(world.time() / DAY, 8), number(t, scene));
            case "is_difficulty" -> op.compare(scene.environment().difficultyLevel(),
                    Environment.DIFFICULTIES.indexOf(text(t).toLowerCase(Locale.ROOT)));
            case "has_biome_tag" -> op.matches(scene.environment().biome(world.dimension()).tags().contains(text(t)));
            case "is_biome" -> op.matches(scene.environment().biome(world.dimension()).id().equals(text(t)));
            case "in_water", "is_underwater" -> op.matches(blockAt(world, at, "minecraft:water") == bool(t));
            case "in_lava" -> op.matches(blockAt(world, at, "minecraft:lava") == bool(t));
            case "in_water_or_rain" -> op.matches((blockAt(world, at, "minecraft:water")
                    || world.weather() != Weather.CLEAR) == bool(t));
            case "weather", "weather_at_position" -> op.matches(weather(world).equals(text(t)));
            case "on_ground" -> op.matches(!world.block(at.blockPos().offset(0, -1, 0)).isAir() == bool(t));
            case "is_moving" -> found.isPresent() && op.matches(found.get().isMoving() == bool(t));
            case "has_equipment" -> found.isPresent()
                    && op.matches(found.get().hasEquipment(t.domain().isEmpty() ? "any" : t.domain(), item(text(t))));
            case "has_damage" -> op.matches(scene.damage().map(d -> damageMatches(d.id(), text(t))).orElse(false));
            case "random_chance" -> {
                double chance = number(t, scene);
                yield chance <= 1 || scene.random().nextDouble() * chance < 1;
            }
            case "is_brightness" -> op.compare(brightness(world) / 15.0, number(t, scene));
            case "is_underground" -> op.matches(isUnderground(world, at) == bool(t));
            case "is_altitude" -> op.compare(at.y(), number(t, scene));
            case "distance_to_nearest_player" -> op.compare(nearestPlayer(world, at), number(t, scene));
            case "is_block" -> op.matches(world.block(at.blockPos()).type().equals(item(text(t))));
            case "is_temperature_value" -> op.compare(temperature(scene), number(t, scene));
            case "is_snow_covered" -> op.matches(!bool(t));
            case "has_ability" -> found.isPresent() && op.matches(hasAbility(found.get(), text(t)));
            case "in_nether" -> op.matches(world.dimension().id().equals("nether") == bool(t));
            case "in_overworld" -> op.matches(world.dimension().id().equals("overworld") == bool(t));
            case "in_the_end" -> op.matches(world.dimension().id().equals("the_end") == bool(t));
            case "is_sneaking", "is_riding", "is_leashed", "is_sleeping", "is_game_rule" -> op.matches(!bool(t));
            case "rider_count" -> op.compare(0, number(t, scene));
            default -> false;
        };
    }

    /** {@return the sky light at the world's time: 15 by day, 4 by night, less under rain} */
    public static int brightness(World world) {
        return brightness(world, true);
    }

    /**
     * The sky light at the world's time.
     *
     * @param world the world
     * @param weather whether rain (3 less) and thunder (5 less) darken it
     * @return 15 by day, 4 by night
     */
    public static int brightness(World world, boolean weather) {
        int light = isDay(world) ? 15 : 4;
        if (!weather) {
            return light;
        }
        return switch (world.weather()) {
            case CLEAR -> light;
            case RAIN -> light - 3;
            case THUNDER -> light - 5;
        };
    }

    /** {@return whether it is day in a world (time of day 0 to 12999)} */
    public static boolean isDay(World world) {
        if (!world.dimension().id().equals("overworld")) {
            return false;
        }
        return Math.floorMod(world.time(), DAY) < 13_000;
    }

    private static String weather(World world) {
        return switch (world.weather()) {
            case CLEAR -> "clear";
            case RAIN -> "rain";
            case THUNDER -> "thunderstorm";
        };
    }

    private static boolean blockAt(World world, Position at, String type) {
        return world.block(at.blockPos()).type().equals(type);
    }

    private static boolean isUnderground(World world, Position at) {
        BlockPos pos = at.blockPos();
        for (int y = pos.y() + 1; y < world.maxHeight() && y < pos.y() + 64; y++) {
            if (!world.block(new BlockPos(pos.x(), y, pos.z())).isAir()) {
                return true;
            }
        }
        return false;
    }

    private static double nearestPlayer(World world, Position at) {
        return world.entities().stream()
                .filter(e -> e instanceof Player)
                .mapToDouble(e -> distance(e.position(), at))
                .min()
                .orElse(Double.MAX_VALUE);
    }

    private static double distance(Position a, Position b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        double dz = a.z() - b.z();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double temperature(FilterScene scene) {
        return switch (scene.environment().biome(scene.world().dimension()).id()) {
            case "hell" -> 2.0;
            case "the_end" -> 0.5;
            default -> 0.8;
        };
    }

    private static boolean hasAbility(FilterSubject subject, String ability) {
        if (!(subject.entity() instanceof Player player)) {
            return false;
        }
        return switch (ability) {
            case "instabuild", "mayfly", "invulnerable" -> player.gameMode() == GameMode.CREATIVE;
            case "flying" -> false;
            default -> false;
        };
    }

    private static boolean damageMatches(String cause, String expected) {
        String want = expected.toLowerCase(Locale.ROOT);
        return want.equals("all") || want.equals(cause) || (want.equals("attack") && cause.equals("entity_attack"))
                || (want.equals("projectile") && cause.equals("projectile"));
    }

    private static String item(String id) {
        return id.indexOf(':') < 0 ? "minecraft:" + id : id;
    }

    private static String text(Filter.Test t) {
        return String.valueOf(t.value() instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : t.value());
    }

    private static boolean bool(Filter.Test t) {
        return switch (t.value()) {
            case Boolean b -> b;
            case Double d -> d != 0;
            case String s -> !s.equalsIgnoreCase("false");
            default -> true;
        };
    }

    private static double number(Filter.Test t, FilterScene scene) {
        if (t.molang().isPresent()) {
            return t.molang().get().evaluate(scene.molang());
        }
        return switch (t.value()) {
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            default -> 0;
        };
    }
}

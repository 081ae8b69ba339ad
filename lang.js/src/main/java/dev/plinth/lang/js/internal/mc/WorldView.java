package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.Members;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * A world as scripts see it ({@code mc.get_world("overworld")}): {@code name()}, {@code get_spawn()},
 * {@code set_spawn}, {@code get_block(x, y, z)}, {@code set_block(x, y, z, block)}, {@code get_time},
 * {@code set_time}, {@code get_weather}, {@code set_weather}, {@code spawn_entity}, {@code players()}. Game-thread
 * only, like the world itself.
 */
final class WorldView extends Members {

    private final World world;

    WorldView(World world) {
        super(List.of("name", "get_spawn", "set_spawn", "get_block", "set_block", "get_time", "set_time",
                "get_weather", "set_weather", "spawn_entity", "players"));
        this.world = world;
    }

    World world() {
        return world;
    }

    @Override
    protected @Nullable Object member(String key) {
        return switch (key) {
            case "name" -> (ProxyExecutable) args -> world.name();
            case "get_spawn" -> (ProxyExecutable) args -> Positions.object(world.spawnPoint());
            case "set_spawn" -> (ProxyExecutable) args -> {
                world.setSpawnPoint(Positions.position(args, 0, "world.set_spawn"));
                return null;
            };
            case "get_block" -> (ProxyExecutable) args -> {
                BlockPos pos = Positions.position(args, 0, "world.get_block").blockPos();
                return Positions.block(world.block(pos), pos);
            };
            case "set_block" -> (ProxyExecutable) args -> {
                BlockPos pos = Positions.position(args, 0, "world.set_block").blockPos();
                return world.setBlock(pos, BlockState.parse(Args.string(args, Positions.width(args, 0), "world.set_block")));
            };
            case "get_time" -> (ProxyExecutable) args -> world.time();
            case "set_time" -> (ProxyExecutable) args -> {
                world.setTime(Args.integer(args, 0, "world.set_time"));
                return null;
            };
            case "get_weather" -> (ProxyExecutable) args -> world.weather().id();
            case "set_weather" -> (ProxyExecutable) args -> world.setWeather(weather(Args.string(args, 0, "world.set_weather")));
            case "spawn_entity" -> (ProxyExecutable) args -> EntityView.wrap(world.spawnEntity(
                    Identifier.normalize(Args.string(args, 0, "world.spawn_entity")),
                    Positions.position(args, 1, "world.spawn_entity")).orElse(null));
            case "players" -> (ProxyExecutable) args -> ProxyArray.fromList(world.entities().stream()
                    .filter(Player.class::isInstance).map(p -> (Object) new PlayerView((Player) p)).toList());
            default -> null;
        };
    }

    private static Weather weather(String id) {
        return Arrays.stream(Weather.values()).filter(w -> w.id().equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown weather '" + id + "': use "
                        + String.join(", ", Arrays.stream(Weather.values()).map(Weather::id).toList())));
    }

    @Override
    public String toString() {
        return "world: " + world.name();
    }
}

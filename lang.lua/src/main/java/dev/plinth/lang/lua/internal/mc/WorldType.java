package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.binding.HostType;
import java.util.Arrays;
import java.util.Locale;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A world as Lua sees it ({@code mc.get_world("overworld")}): {@code name}, {@code get_spawn}, {@code set_spawn},
 * {@code get_block}, {@code set_block}, {@code get_time}, {@code set_time}, {@code get_weather},
 * {@code set_weather}, {@code spawn_entity}, {@code players}. Game-thread only, like the world itself.
 */
final class WorldType {

    static final HostType<World> TYPE = HostType.builder("world", World.class)
            .requires(Permission.WORLD)
            .describedAs(world -> "world: " + world.name())
            .method("name", world -> LuaValue.valueOf(world.name()))
            .method("get_spawn", world -> Positions.table(world.spawnPoint()))
            .varargsMethod("set_spawn", (world, args) -> {
                world.setSpawnPoint(Positions.position(args, 1));
                return LuaValue.NONE;
            })
            .varargsMethod("get_block", (world, args) -> {
                BlockPos pos = Positions.blockPos(args, 1);
                return Positions.block(world.block(pos), pos);
            })
            .varargsMethod("set_block", (world, args) -> {
                BlockPos pos = Positions.blockPos(args, 1);
                String block = args.checkjstring(1 + Positions.width(args, 1));
                return LuaValue.valueOf(world.setBlock(pos, BlockState.parse(block)));
            })
            .method("get_time", world -> LuaValue.valueOf(world.time()))
            .method("set_time", (world, time) -> {
                world.setTime(time.checklong());
                return LuaValue.NONE;
            })
            .method("get_weather", world -> LuaValue.valueOf(world.weather().id()))
            .method("set_weather", (world, weather) -> LuaValue.valueOf(world.setWeather(weather(weather.checkjstring()))))
            .varargsMethod("spawn_entity", (world, args) -> EntityType.TYPE.wrapOrNil(
                    world.spawnEntity(Identifier.normalize(args.checkjstring(1)), Positions.position(args, 2)).orElse(null)))
            .method("players", world -> {
                var list = new LuaTable();
                world.entities().stream().filter(e -> e instanceof dev.plinth.core.runtime.player.Player)
                        .forEach(p -> list.insert(0, PlayerType.TYPE.wrap((dev.plinth.core.runtime.player.Player) p)));
                return list;
            })
            .build();

    private WorldType() {}

    private static Weather weather(String id) {
        return Arrays.stream(Weather.values()).filter(w -> w.id().equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new LuaError("unknown weather '" + id + "': use "
                        + String.join(", ", Arrays.stream(Weather.values()).map(Weather::id).toList())));
    }
}

package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.HostClass;
import dev.plinth.lang.js.internal.binding.HostObjects;
import dev.plinth.lang.js.internal.binding.PlainValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.jspecify.annotations.Nullable;

/**
 * The game objects as scripts see them, with the same method names as in Lua: entities ({@code id()},
 * {@code type()}, {@code position()}, {@code world()}, {@code health()}, {@code teleport(x, y, z)}...), players (the
 * entity's methods and {@code name()}, {@code send_message(text)}, {@code give_item(id, count)},
 * {@code teleport(x, y, z [, world])}, {@code kick(reason)}...), the console as a command sender, and worlds
 * ({@code get_spawn()}, {@code get_block(x, y, z)}, {@code set_block(x, y, z, block)}, {@code players()}...).
 * Game-thread only, like the objects themselves.
 */
public final class GameObjects {

    /** Entities. */
    public static final HostClass<Entity> ENTITY = HostClass.builder("Entity", Entity.class)
            .requires(Permission.WORLD)
            .method("id", (o, entity, args) -> entity.id())
            .method("type", (o, entity, args) -> entity.type())
            .method("position", (o, entity, args) -> Positions.object(entity.position()))
            .method("world", (o, entity, args) -> o.wrap(GameObjects.WORLD, entity.world()))
            .method("health", (o, entity, args) -> (double) entity.health())
            .method("max_health", (o, entity, args) -> (double) entity.maxHealth())
            .method("set_health", (o, entity, args) -> {
                entity.setHealth((float) Args.number(args, 0, "entity.set_health"));
                return null;
            })
            .method("damage", (o, entity, args) -> entity.damage((float) Args.number(args, 0, "entity.damage"),
                    DamageCause.CUSTOM, Optional.empty()))
            .method("teleport", (o, entity, args) -> {
                entity.teleport(Positions.position(args, 0, "entity.teleport"));
                return null;
            })
            .method("is_valid", (o, entity, args) -> entity.isValid())
            .method("remove", (o, entity, args) -> {
                entity.remove();
                return null;
            })
            .build();

    /** Players: the entity's methods and the player's own. */
    public static final HostClass<Player> PLAYER = HostClass.builder("Player", Player.class)
            .methodsOf(ENTITY)
            .requires(Permission.PLAYER)
            .method("name", (o, player, args) -> player.name())
            .method("uuid", (o, player, args) -> player.uuid().toString())
            .method("xuid", (o, player, args) -> player.xuid())
            .method("send_message", (o, player, args) -> {
                player.sendMessage(Args.string(args, 0, "player.send_message"));
                return null;
            })
            .method("give_item", (o, player, args) -> {
                player.giveItem(new ItemStack(Identifier.normalize(Args.string(args, 0, "player.give_item")),
                        (int) Args.integer(args, 1, 1, "player.give_item")));
                return null;
            })
            .method("remove_item", (o, player, args) -> player.inventory().remove(
                    Identifier.normalize(Args.string(args, 0, "player.remove_item")),
                    (int) Args.integer(args, 1, 1, "player.remove_item")))
            .method("count_item", (o, player, args) ->
                    player.inventory().count(Identifier.normalize(Args.string(args, 0, "player.count_item"))))
            .method("clear_inventory", (o, player, args) -> {
                player.clearInventory();
                return null;
            })
            .method("inventory", (o, player, args) -> {
                var list = new ArrayList<Object>();
                player.inventory().contents().forEach(stack -> list.add(Map.of("id", stack.type(), "count", stack.count())));
                return PlainValues.toScript(list);
            })
            .method("teleport", GameObjects::teleport)
            .method("kick", (o, player, args) -> {
                player.kick(Args.string(args, 0, "Kicked", "player.kick"));
                return null;
            })
            .method("is_online", (o, player, args) -> player.isOnline())
            .method("is_op", (o, player, args) -> player.isOp())
            .method("has_permission", (o, player, args) ->
                    player.hasPermission(Args.string(args, 0, "player.has_permission")))
            .method("game_mode", (o, player, args) -> player.gameMode().id())
            .method("set_game_mode", (o, player, args) -> {
                String mode = Args.string(args, 0, "player.set_game_mode");
                player.setGameMode(GameMode.byId(mode).orElseThrow(() ->
                        new IllegalArgumentException("unknown game mode '" + mode + "'")));
                return null;
            })
            .method("send_title", (o, player, args) -> {
                player.sendTitle(Args.string(args, 0, "player.send_title"), Args.string(args, 1, "", "player.send_title"),
                        (int) Args.integer(args, 2, 10, "player.send_title"),
                        (int) Args.integer(args, 3, 70, "player.send_title"),
                        (int) Args.integer(args, 4, 20, "player.send_title"));
                return null;
            })
            .method("send_action_bar", (o, player, args) -> {
                player.sendActionBar(Args.string(args, 0, "player.send_action_bar"));
                return null;
            })
            .method("send_toast", (o, player, args) -> {
                player.sendToast(Args.string(args, 0, "player.send_toast"), Args.string(args, 1, "", "player.send_toast"));
                return null;
            })
            .method("add_effect", (o, player, args) -> {
                player.addEffect(new Effect(Identifier.normalize(Args.string(args, 0, "player.add_effect")),
                        (int) Args.integer(args, 1, 600, "player.add_effect"),
                        (int) Args.integer(args, 2, 0, "player.add_effect")));
                return null;
            })
            .method("remove_effect", (o, player, args) ->
                    player.removeEffect(Identifier.normalize(Args.string(args, 0, "player.remove_effect"))))
            .method("ping", (o, player, args) -> player.ping())
            .method("transfer", (o, player, args) -> {
                player.transfer(Args.string(args, 0, "player.transfer"), (int) Args.integer(args, 1, "player.transfer"));
                return null;
            })
            .build();

    /** Whoever runs a command from the console: {@code name}, {@code send_message}, {@code has_permission}. */
    public static final HostClass<CommandSender> SENDER = HostClass.builder("Sender", CommandSender.class)
            .method("name", (o, sender, args) -> sender.name())
            .method("send_message", (o, sender, args) -> {
                sender.sendMessage(Args.string(args, 0, "sender.send_message"));
                return null;
            })
            .method("has_permission", (o, sender, args) ->
                    sender.hasPermission(Args.string(args, 0, "sender.has_permission")))
            .build();

    /** Worlds. */
    public static final HostClass<World> WORLD = HostClass.builder("World", World.class)
            .requires(Permission.WORLD)
            .method("name", (o, world, args) -> world.name())
            .method("get_spawn", (o, world, args) -> Positions.object(world.spawnPoint()))
            .method("set_spawn", (o, world, args) -> {
                world.setSpawnPoint(Positions.position(args, 0, "world.set_spawn"));
                return null;
            })
            .method("get_block", (o, world, args) -> {
                BlockPos pos = Positions.position(args, 0, "world.get_block").blockPos();
                return Positions.block(world.block(pos), pos);
            })
            .method("set_block", (o, world, args) -> {
                BlockPos pos = Positions.position(args, 0, "world.set_block").blockPos();
                return world.setBlock(pos, BlockState.parse(Args.string(args, Positions.width(args, 0),
                        "world.set_block")));
            })
            .method("get_time", (o, world, args) -> world.time())
            .method("set_time", (o, world, args) -> {
                world.setTime(Args.integer(args, 0, "world.set_time"));
                return null;
            })
            .method("get_weather", (o, world, args) -> world.weather().id())
            .method("set_weather", (o, world, args) -> world.setWeather(weather(Args.string(args, 0,
                    "world.set_weather"))))
            .method("spawn_entity", (o, world, args) -> entity(o, world.spawnEntity(
                    Identifier.normalize(Args.string(args, 0, "world.spawn_entity")),
                    Positions.position(args, 1, "world.spawn_entity")).orElse(null)))
            .method("players", (o, world, args) -> ProxyArray.fromList(world.entities().stream()
                    .filter(Player.class::isInstance).map(p -> (Object) o.wrap(PLAYER, (Player) p)).toList()))
            .build();

    /** Every kind, for {@link HostObjects#create}. */
    public static final List<HostClass<?>> ALL = List.of(ENTITY, PLAYER, SENDER, WORLD);

    private GameObjects() {}

    /**
     * A player as a player, any other entity as an entity, null as null.
     *
     * @param objects the resource's host objects
     * @param entity the entity
     * @return the script object
     */
    public static @Nullable Value entity(HostObjects objects, @Nullable Entity entity) {
        return switch (entity) {
            case null -> null;
            case Player player -> objects.wrap(PLAYER, player);
            default -> objects.wrap(ENTITY, entity);
        };
    }

    /**
     * A player as a player, the console as a sender.
     *
     * @param objects the resource's host objects
     * @param sender who runs a command
     * @return the script object
     */
    public static @Nullable Value sender(HostObjects objects, CommandSender sender) {
        return sender instanceof Player player ? objects.wrap(PLAYER, player) : objects.wrap(SENDER, sender);
    }

    private static Object teleport(HostObjects objects, Player player, Value[] args) {
        var position = Positions.position(args, 0, "player.teleport");
        int next = Positions.width(args, 0);
        if (Args.absent(args, next)) {
            player.teleport(position);
            return true;
        }
        Value world = args[next];
        Dimension dimension = world.isString()
                ? Dimension.byId(world.asString()).orElseThrow(() ->
                        new IllegalArgumentException("unknown world '" + world.asString() + "'"))
                : objects.unwrap(WORLD, world, "player.teleport").dimension();
        return player.teleport(dimension, position);
    }

    private static Weather weather(String id) {
        return Arrays.stream(Weather.values()).filter(w -> w.id().equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown weather '" + id + "': use "
                        + String.join(", ", Arrays.stream(Weather.values()).map(Weather::id).toList())));
    }
}

package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.Members;
import dev.plinth.lang.js.internal.binding.PlainValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * A player as scripts see it, the same names as in Lua: {@code player.name()}, {@code send_message(text)},
 * {@code give_item(id, count)}, {@code teleport(x, y, z [, world])}, {@code health()}, {@code kick(reason)}... and
 * the entity's methods. Game-thread only, like the player itself.
 */
public final class PlayerView extends EntityView {

    private static final List<String> KEYS = Stream.concat(EntityView.KEYS.stream(), Stream.of("name", "uuid", "xuid",
            "send_message", "give_item", "remove_item", "count_item", "clear_inventory", "inventory", "kick",
            "is_online", "is_op", "has_permission", "game_mode", "set_game_mode", "send_title", "send_action_bar",
            "send_toast", "add_effect", "remove_effect", "ping", "transfer")).distinct().toList();

    private final Player player;
    private final ProxyExecutable name;

    /**
     * Wraps a player.
     *
     * @param player the player
     */
    public PlayerView(Player player) {
        super(player, KEYS);
        this.player = player;
        this.name = args -> player.name();
    }

    /** {@return the player} */
    public Player player() {
        return player;
    }

    /** A player as a player, the console as a sender with {@code name}, {@code send_message}, {@code has_permission}. */
    static Object sender(CommandSender sender) {
        if (sender instanceof Player player) {
            return new PlayerView(player);
        }
        return new Members(List.of("name", "send_message", "has_permission")) {
            @Override
            protected @Nullable Object member(String key) {
                return switch (key) {
                    case "name" -> (ProxyExecutable) args -> sender.name();
                    case "send_message" -> (ProxyExecutable) args -> {
                        sender.sendMessage(Args.string(args, 0, "sender.send_message"));
                        return null;
                    };
                    case "has_permission" -> (ProxyExecutable) args ->
                            sender.hasPermission(Args.string(args, 0, "sender.has_permission"));
                    default -> null;
                };
            }
        };
    }

    /**
     * The player a script value stands for.
     *
     * @param value a player object
     * @param api the function, for the message
     * @return the player
     * @throws IllegalArgumentException when it is not a player
     */
    public static Player playerOf(Value value, String api) {
        return of(value, api);
    }

    static Player of(Value value, String api) {
        if (value != null && value.isProxyObject() && value.asProxyObject() instanceof PlayerView view) {
            return view.player;
        }
        throw new IllegalArgumentException(api + ": expected a player");
    }

    @Override
    protected @Nullable Object member(String key) {
        return switch (key) {
            case "name" -> name;
            case "uuid" -> (ProxyExecutable) args -> player.uuid().toString();
            case "xuid" -> (ProxyExecutable) args -> player.xuid();
            case "send_message" -> (ProxyExecutable) args -> {
                player.sendMessage(Args.string(args, 0, "player.send_message"));
                return null;
            };
            case "give_item" -> (ProxyExecutable) args -> {
                player.giveItem(new ItemStack(Identifier.normalize(Args.string(args, 0, "player.give_item")),
                        (int) Args.integer(args, 1, 1, "player.give_item")));
                return null;
            };
            case "remove_item" -> (ProxyExecutable) args -> player.inventory().remove(
                    Identifier.normalize(Args.string(args, 0, "player.remove_item")),
                    (int) Args.integer(args, 1, 1, "player.remove_item"));
            case "count_item" -> (ProxyExecutable) args ->
                    player.inventory().count(Identifier.normalize(Args.string(args, 0, "player.count_item")));
            case "clear_inventory" -> (ProxyExecutable) args -> {
                player.clearInventory();
                return null;
            };
            case "inventory" -> (ProxyExecutable) args -> {
                var list = new ArrayList<Object>();
                player.inventory().contents().forEach(stack ->
                        list.add(Map.of("id", stack.type(), "count", stack.count())));
                return PlainValues.toScript(list);
            };
            case "teleport" -> (ProxyExecutable) this::teleport;
            case "kick" -> (ProxyExecutable) args -> {
                player.kick(Args.string(args, 0, "Kicked", "player.kick"));
                return null;
            };
            case "is_online" -> (ProxyExecutable) args -> player.isOnline();
            case "is_op" -> (ProxyExecutable) args -> player.isOp();
            case "has_permission" -> (ProxyExecutable) args ->
                    player.hasPermission(Args.string(args, 0, "player.has_permission"));
            case "game_mode" -> (ProxyExecutable) args -> player.gameMode().id();
            case "set_game_mode" -> (ProxyExecutable) args -> {
                String mode = Args.string(args, 0, "player.set_game_mode");
                player.setGameMode(GameMode.byId(mode).orElseThrow(() ->
                        new IllegalArgumentException("unknown game mode '" + mode + "'")));
                return null;
            };
            case "send_title" -> (ProxyExecutable) args -> {
                player.sendTitle(Args.string(args, 0, "player.send_title"), Args.string(args, 1, "", "player.send_title"),
                        (int) Args.integer(args, 2, 10, "player.send_title"),
                        (int) Args.integer(args, 3, 70, "player.send_title"),
                        (int) Args.integer(args, 4, 20, "player.send_title"));
                return null;
            };
            case "send_action_bar" -> (ProxyExecutable) args -> {
                player.sendActionBar(Args.string(args, 0, "player.send_action_bar"));
                return null;
            };
            case "send_toast" -> (ProxyExecutable) args -> {
                player.sendToast(Args.string(args, 0, "player.send_toast"), Args.string(args, 1, "", "player.send_toast"));
                return null;
            };
            case "add_effect" -> (ProxyExecutable) args -> {
                player.addEffect(new Effect(Identifier.normalize(Args.string(args, 0, "player.add_effect")),
                        (int) Args.integer(args, 1, 600, "player.add_effect"),
                        (int) Args.integer(args, 2, 0, "player.add_effect")));
                return null;
            };
            case "remove_effect" -> (ProxyExecutable) args ->
                    player.removeEffect(Identifier.normalize(Args.string(args, 0, "player.remove_effect")));
            case "ping" -> (ProxyExecutable) args -> player.ping();
            case "transfer" -> (ProxyExecutable) args -> {
                player.transfer(Args.string(args, 0, "player.transfer"), (int) Args.integer(args, 1, "player.transfer"));
                return null;
            };
            default -> super.member(key);
        };
    }

    private Object teleport(Value[] args) {
        var position = Positions.position(args, 0, "player.teleport");
        int next = Positions.width(args, 0);
        if (Args.absent(args, next)) {
            player.teleport(position);
            return true;
        }
        Value world = args[next];
        Dimension dimension;
        if (world.isString()) {
            dimension = Dimension.byId(world.asString()).orElseThrow(() ->
                    new IllegalArgumentException("unknown world '" + world.asString() + "'"));
        } else if (world.isProxyObject() && world.asProxyObject() instanceof WorldView view) {
            dimension = view.world().dimension();
        } else {
            throw new IllegalArgumentException("player.teleport: the world must be a name or a world");
        }
        return player.teleport(dimension, position);
    }

    @Override
    public String toString() {
        return "player: " + player.name();
    }
}

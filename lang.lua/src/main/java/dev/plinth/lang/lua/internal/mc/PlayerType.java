package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.binding.HostType;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A player as Lua sees it, the whole Player API as methods: {@code player:name()}, {@code send_message},
 * {@code give_item(id, count)}, {@code teleport(x, y, z [, world])}, {@code health}, {@code kick}... Game-thread
 * only, like the player itself.
 */
public final class PlayerType {

    static final HostType<Player> TYPE = HostType.builder("player", Player.class)
            .requires(Permission.PLAYER)
            .describedAs(player -> "player: " + player.name())
            .methodsOf(EntityType.TYPE)
            .method("name", player -> LuaValue.valueOf(player.name()))
            .method("uuid", player -> LuaValue.valueOf(player.uuid().toString()))
            .method("xuid", player -> LuaValue.valueOf(player.xuid()))
            .method("send_message", (player, message) -> {
                player.sendMessage(message.checkjstring());
                return LuaValue.NONE;
            })
            .method("give_item", (player, id, count) -> {
                player.giveItem(new ItemStack(Identifier.normalize(id.checkjstring()), count.optint(1)));
                return LuaValue.NONE;
            })
            .method("remove_item", (player, id, count) ->
                    LuaValue.valueOf(player.inventory().remove(Identifier.normalize(id.checkjstring()), count.optint(1))))
            .method("count_item", (player, id) ->
                    LuaValue.valueOf(player.inventory().count(Identifier.normalize(id.checkjstring()))))
            .method("clear_inventory", player -> {
                player.clearInventory();
                return LuaValue.NONE;
            })
            .method("inventory", player -> {
                var list = new LuaTable();
                player.inventory().contents().forEach(stack -> {
                    var item = new LuaTable();
                    item.rawset("id", LuaValue.valueOf(stack.type()));
                    item.rawset("count", LuaValue.valueOf(stack.count()));
                    list.insert(0, item);
                });
                return list;
            })
            .varargsMethod("teleport", (player, args) -> {
                var position = Positions.position(args, 1);
                LuaValue world = args.arg(1 + Positions.width(args, 1));
                if (world.isnil()) {
                    player.teleport(position);
                    return LuaValue.TRUE;
                }
                Dimension dimension = world.isstring()
                        ? Dimension.byId(world.tojstring()).orElseThrow(() -> new LuaError("unknown world '" + world.tojstring() + "'"))
                        : WorldType.TYPE.self(world).dimension();
                return LuaValue.valueOf(player.teleport(dimension, position));
            })
            .method("kick", (player, reason) -> {
                player.kick(reason.optjstring("Kicked"));
                return LuaValue.NONE;
            })
            .method("is_online", player -> LuaValue.valueOf(player.isOnline()))
            .method("is_op", player -> LuaValue.valueOf(player.isOp()))
            .method("has_permission", (player, node) -> LuaValue.valueOf(player.hasPermission(node.checkjstring())))
            .method("game_mode", player -> LuaValue.valueOf(player.gameMode().id()))
            .method("set_game_mode", (player, mode) -> {
                player.setGameMode(GameMode.byId(mode.checkjstring())
                        .orElseThrow(() -> new LuaError("unknown game mode '" + mode.tojstring() + "'")));
                return LuaValue.NONE;
            })
            .varargsMethod("send_title", (player, args) -> {
                player.sendTitle(args.checkjstring(1), args.optjstring(2, ""), args.optint(3, 10), args.optint(4, 70),
                        args.optint(5, 20));
                return LuaValue.NONE;
            })
            .method("send_action_bar", (player, message) -> {
                player.sendActionBar(message.checkjstring());
                return LuaValue.NONE;
            })
            .method("send_toast", (player, title, content) -> {
                player.sendToast(title.checkjstring(), content.optjstring(""));
                return LuaValue.NONE;
            })
            .varargsMethod("add_effect", (player, args) -> {
                player.addEffect(new Effect(Identifier.normalize(args.checkjstring(1)), args.optint(2, 600),
                        args.optint(3, 0)));
                return LuaValue.NONE;
            })
            .method("remove_effect", (player, type) ->
                    LuaValue.valueOf(player.removeEffect(Identifier.normalize(type.checkjstring()))))
            .method("ping", player -> LuaValue.valueOf(player.ping()))
            .method("transfer", (player, address, port) -> {
                player.transfer(address.checkjstring(), port.checkint());
                return LuaValue.NONE;
            })
            .build();

    /** Whoever runs a command from the console: {@code name}, {@code send_message}, {@code has_permission}. */
    static final HostType<CommandSender> SENDER = HostType.builder("sender", CommandSender.class)
            .describedAs(sender -> "sender: " + sender.name())
            .method("name", sender -> LuaValue.valueOf(sender.name()))
            .method("send_message", (sender, message) -> {
                sender.sendMessage(message.checkjstring());
                return LuaValue.NONE;
            })
            .method("has_permission", (sender, node) -> LuaValue.valueOf(sender.hasPermission(node.checkjstring())))
            .build();

    private PlayerType() {}

    /**
     * A player as Lua sees it.
     *
     * @param player the player
     * @return its Lua value
     */
    public static LuaValue wrap(Player player) {
        return TYPE.wrap(player);
    }

    /**
     * The player a Lua value stands for.
     *
     * @param value a player value
     * @return the player
     * @throws org.luaj.vm2.LuaError when it is not a player
     */
    public static Player player(LuaValue value) {
        return TYPE.self(value);
    }

    /** A player as a player, the console as a sender. */
    static LuaValue sender(CommandSender sender) {
        return sender instanceof Player player ? TYPE.wrap(player) : SENDER.wrap(sender);
    }
}

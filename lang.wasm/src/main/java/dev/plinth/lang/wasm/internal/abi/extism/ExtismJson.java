package dev.plinth.lang.wasm.internal.abi.extism;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.Position;
import java.util.List;

/**
 * The JSON Plinth gives Extism plugins: events ({@code {"event": "player_chat", "player": {...}, "message": "hi"}}),
 * players ({@code {"id", "name", "uuid", "position": {"x", "y", "z"}, "dimension", "health", "food",
 * "gamemode"}}), commands and tasks. The README documents each.
 *
 * <p>Stateless and thread-safe.
 */
final class ExtismJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ExtismJson() {}

    static ObjectNode player(Player player) {
        ObjectNode node = JSON.objectNode().put("id", player.id()).put("name", player.name())
                .put("uuid", player.uuid().toString());
        node.set("position", position(player.position()));
        return node.put("dimension", player.dimension().id()).put("health", player.health())
                .put("food", player.food()).put("gamemode", player.gameMode().id());
    }

    static ObjectNode event(String name, Player player) {
        ObjectNode node = JSON.objectNode().put("event", name);
        node.set("player", player(player));
        return node;
    }

    static ObjectNode block(String name, Player player, BlockPos pos, String block) {
        return event(name, player).put("x", pos.x()).put("y", pos.y()).put("z", pos.z()).put("block", block);
    }

    static ObjectNode tick(long tick) {
        return JSON.objectNode().put("event", "server_tick").put("tick", tick);
    }

    static ObjectNode command(String command, List<String> args, CommandSender sender) {
        ObjectNode node = JSON.objectNode().put("command", command);
        ArrayNode array = node.putArray("args");
        args.forEach(array::add);
        node.put("sender", sender.name());
        if (sender instanceof Player player) {
            node.set("player", player(player));
        } else {
            node.putNull("player");
        }
        return node;
    }

    static ObjectNode task(long callback) {
        return JSON.objectNode().put("callback", callback);
    }

    private static ObjectNode position(Position position) {
        return JSON.objectNode().put("x", position.x()).put("y", position.y()).put("z", position.z());
    }
}

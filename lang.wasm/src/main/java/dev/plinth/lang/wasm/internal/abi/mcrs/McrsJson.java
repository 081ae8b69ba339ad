package dev.plinth.lang.wasm.internal.abi.mcrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.core.events.Event;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.event.entity.EntityDamageEvent;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntitySpawnEvent;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerCommandEvent;
import dev.plinth.core.runtime.event.player.PlayerDeathEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerMoveEvent;
import dev.plinth.core.runtime.event.player.PlayerPlaceBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.player.PlayerRespawnEvent;
import dev.plinth.core.runtime.event.server.ServerStartEvent;
import dev.plinth.core.runtime.event.server.ServerStopEvent;
import dev.plinth.core.runtime.event.world.WeatherChangeEvent;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the released MC-RS passes its plugins, as serde writes its types: events as externally tagged enums
 * ({@code {"PlayerJoin":{"player":{...}}}}, {@code "ServerStarted"}), players as {@code {"name", "uuid",
 * "runtime_id", "position": [x, y, z], "gamemode", "health"}}, block positions as {@code {"x", "y", "z"}}.
 *
 * <p>Where Plinth's world differs: {@code gamemode} is Bedrock's number (0 survival, 1 creative, 2 adventure,
 * 6 spectator); {@code block_id} is a stable hash of the block (FNV-1a of {@code minecraft:stone}, not Bedrock's
 * network id), and the block's name is given beside it as {@code block}; damage causes map to the released enum
 * ({@code Attack}, {@code Fall}, ... {@code Other}).
 *
 * <p>Stateless and thread-safe.
 */
final class McrsJson {

    /** The standard events the released MC-RS delivers to {@code __on_event}. */
    static final List<Class<? extends Event>> EVENTS = List.of(PlayerJoinEvent.class, PlayerQuitEvent.class,
            PlayerChatEvent.class, PlayerCommandEvent.class, PlayerMoveEvent.class, PlayerDeathEvent.class,
            EntityDamageEvent.class, PlayerRespawnEvent.class, PlayerBreakBlockEvent.class,
            PlayerPlaceBlockEvent.class, EntitySpawnEvent.class, EntityDeathEvent.class, WeatherChangeEvent.class,
            ServerStartEvent.class, ServerStopEvent.class);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private McrsJson() {}

    /**
     * An event as the released MC-RS writes it.
     *
     * @param event one of {@link #EVENTS}
     * @return its JSON, or empty when the released MC-RS has no such event (a player's spawn, an entity's death
     *     that is a player's)
     */
    static Optional<JsonNode> event(Event event) {
        return Optional.ofNullable(switch (event) {
            case PlayerJoinEvent e -> tagged("PlayerJoin", withPlayer(e.player()));
            case PlayerQuitEvent e -> tagged("PlayerQuit", withPlayer(e.player()));
            case PlayerChatEvent e -> tagged("PlayerChat", withPlayer(e.player()).put("message", e.message()));
            case PlayerCommandEvent e -> {
                ObjectNode body = withPlayer(e.player()).put("command", e.command());
                ArrayNode args = body.putArray("args");
                e.args().forEach(args::add);
                yield tagged("PlayerCommand", body);
            }
            case PlayerMoveEvent e -> {
                ObjectNode body = withPlayer(e.player());
                body.set("from", triple(e.from()));
                body.set("to", triple(e.to()));
                yield tagged("PlayerMove", body);
            }
            case PlayerDeathEvent e -> tagged("PlayerDeath", withPlayer(e.player()).put("message", e.deathMessage()));
            case EntityDamageEvent e when e.entity() instanceof Player p -> tagged("PlayerDamage", withPlayer(p)
                    .put("damage", e.damage()).put("cause", cause(e.cause())));
            case EntityDamageEvent e -> {
                ObjectNode body = JSON.objectNode().put("runtime_id", e.entity().id()).put("damage", e.damage());
                body.set("attacker_runtime_id", e.attacker().map(a -> (JsonNode) JSON.numberNode(a.id()))
                        .orElse(JSON.nullNode()));
                yield tagged("EntityDamage", body);
            }
            case PlayerRespawnEvent e -> tagged("PlayerRespawn", withPlayer(e.player()));
            case PlayerBreakBlockEvent e -> tagged("BlockBreak", block(e.player(), e.position(), e.block()));
            case PlayerPlaceBlockEvent e -> tagged("BlockPlace", block(e.player(), e.position(), e.block()));
            case EntitySpawnEvent e when !(e.entity() instanceof Player) -> {
                ObjectNode body = JSON.objectNode().put("mob_type", e.entity().type())
                        .put("runtime_id", e.entity().id());
                body.set("position", triple(e.position()));
                yield tagged("MobSpawn", body);
            }
            case EntityDeathEvent e when !(e.entity() instanceof Player) -> {
                ObjectNode body = JSON.objectNode().put("mob_type", e.entity().type())
                        .put("runtime_id", e.entity().id());
                body.set("killer_runtime_id", JSON.nullNode());
                yield tagged("MobDeath", body);
            }
            case WeatherChangeEvent e -> tagged("WeatherChange", JSON.objectNode()
                    .put("raining", e.newWeather() != Weather.CLEAR)
                    .put("thundering", e.newWeather() == Weather.THUNDER));
            case ServerStartEvent e -> JSON.textNode("ServerStarted");
            case ServerStopEvent e -> JSON.textNode("ServerStopping");
            default -> null;
        });
    }

    /**
     * A player as the released MC-RS writes it.
     *
     * @param player the player
     * @return its JSON
     */
    static ObjectNode player(Player player) {
        ObjectNode node = JSON.objectNode()
                .put("name", player.name())
                .put("uuid", player.uuid().toString())
                .put("runtime_id", player.id());
        node.set("position", triple(player.position()));
        return node.put("gamemode", gameMode(player.gameMode())).put("health", player.health());
    }

    /**
     * A command as the released MC-RS passes it to {@code __on_command}.
     *
     * @param command the command's name
     * @param args its arguments
     * @param sender who ran it
     * @return its JSON
     */
    static ObjectNode command(String command, List<String> args, String sender) {
        ObjectNode node = JSON.objectNode().put("command", command);
        ArrayNode array = node.putArray("args");
        args.forEach(array::add);
        return node.put("sender", sender);
    }

    /**
     * The stable id of a block: FNV-1a (32 bits) of its text form.
     *
     * @param block the block
     * @return the id, as an unsigned number
     */
    static long blockId(BlockState block) {
        int hash = FNV_OFFSET;
        for (byte b : block.toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
        }
        return Integer.toUnsignedLong(hash);
    }

    private static ObjectNode block(Player player, BlockPos pos, BlockState block) {
        ObjectNode body = withPlayer(player);
        body.set("position", JSON.objectNode().put("x", pos.x()).put("y", pos.y()).put("z", pos.z()));
        return body.put("block_id", blockId(block)).put("block", block.toString());
    }

    private static ObjectNode withPlayer(Player player) {
        ObjectNode body = JSON.objectNode();
        body.set("player", player(player));
        return body;
    }

    private static ObjectNode tagged(String tag, ObjectNode body) {
        ObjectNode node = JSON.objectNode();
        node.set(tag, body);
        return node;
    }

    private static ArrayNode triple(Position position) {
        return JSON.arrayNode().add((float) position.x()).add((float) position.y()).add((float) position.z());
    }

    private static int gameMode(GameMode mode) {
        return switch (mode) {
            case SURVIVAL -> 0;
            case CREATIVE -> 1;
            case ADVENTURE -> 2;
            case SPECTATOR -> 6;
        };
    }

    private static String cause(DamageCause cause) {
        return switch (cause) {
            case ENTITY_ATTACK, PROJECTILE -> "Attack";
            case FALL -> "Fall";
            case DROWNING -> "Drowning";
            case LAVA -> "Lava";
            case FIRE, LIGHTNING -> "Fire";
            case VOID -> "Void";
            case STARVATION -> "Starvation";
            default -> "Other";
        };
    }
}

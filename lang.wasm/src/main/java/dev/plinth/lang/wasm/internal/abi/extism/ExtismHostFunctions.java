package dev.plinth.lang.wasm.internal.abi.extism;

import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.World;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.binding.ItemGift;
import dev.plinth.lang.wasm.internal.binding.PluginContext;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.failure.GuestErrorException;
import dev.plinth.lang.wasm.internal.link.HostImport;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Plinth's {@code mc_*} functions as Extism host functions (module {@code extism:host/user}): each takes a JSON
 * object (the offset of a kernel block, as Extism PDKs pass a {@code Json<T>} input) and returns JSON (a new block's
 * offset, 0 for {@code null}), or nothing when the plugin declares it without a result. Players are named by their
 * runtime id ({@code "player": 1}) or their name. The same permission groups gate them as in the design ABI.
 *
 * <p>Confined to the plugin's calls (one at a time).
 */
final class ExtismHostFunctions {

    /** Runs one of the plugin's exports for a command or task it registered, with JSON input and output. */
    @FunctionalInterface
    interface Callback {
        JsonNode call(CallKind kind, String export, JsonNode input);
    }

    private static final FunctionType WITH_RESULT = FunctionType.of(List.of(I64), List.of(I64));
    private static final FunctionType WITHOUT_RESULT = FunctionType.of(List.of(I64), List.of());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The functions that only read the game or log. */
    private static final Set<String> READ_ONLY = Set.of("mc_log", "mc_get_player", "mc_get_players", "mc_get_block");

    private final PluginContext context;
    private final ExtismKernel kernel;
    private final Callback callback;
    private final ObjectMapper json = JsonMapper.builder().build();

    ExtismHostFunctions(PluginContext context, ExtismKernel kernel, Callback callback) {
        this.context = context;
        this.kernel = kernel;
        this.callback = callback;
    }

    /**
     * The host functions, each with the type the module imports it with when that is one Plinth serves.
     *
     * @param declared the module's {@code extism:host/user} imports, by name
     * @return the functions
     */
    List<HostImport> imports(Map<String, FunctionType> declared) {
        var imports = new ArrayList<HostImport>();
        imports.add(fn(declared, "mc_log", null, this::log));
        imports.add(fn(declared, "mc_broadcast", Permission.PLAYER, in -> {
            context.services().server().broadcast(text(in, "mc_broadcast", "message"));
            return JSON.nullNode();
        }));
        imports.add(fn(declared, "mc_send_message", Permission.PLAYER, in -> {
            String message = text(in, "mc_send_message", "message");
            player(in, "mc_send_message").ifPresent(p -> p.sendMessage(message));
            return JSON.nullNode();
        }));
        imports.add(fn(declared, "mc_get_player", Permission.PLAYER, in ->
                player(in, "mc_get_player").<JsonNode>map(ExtismJson::player).orElse(JSON.nullNode())));
        imports.add(fn(declared, "mc_get_players", Permission.PLAYER, in -> {
            ArrayNode players = JSON.arrayNode();
            context.services().server().onlinePlayers().forEach(p -> players.add(ExtismJson.player(p)));
            return players;
        }));
        imports.add(fn(declared, "mc_get_block", Permission.WORLD, in -> JSON.objectNode().put("block",
                world(in).block(pos(in, "mc_get_block")).toString())));
        imports.add(fn(declared, "mc_set_block", Permission.WORLD, in -> {
            BlockState block;
            try {
                block = BlockState.parse(text(in, "mc_set_block", "block"));
            } catch (IllegalArgumentException e) {
                throw new TrapException("mc_set_block: " + e.getMessage());
            }
            return JSON.objectNode().put("ok", world(in).setBlock(pos(in, "mc_set_block"), block));
        }));
        imports.add(fn(declared, "mc_teleport", Permission.PLAYER, in -> {
            var to = new Position(number(in, "mc_teleport", "x"), number(in, "mc_teleport", "y"),
                    number(in, "mc_teleport", "z"));
            player(in, "mc_teleport").ifPresent(p -> p.teleport(to));
            return JSON.nullNode();
        }));
        imports.add(fn(declared, "mc_give_item", Permission.PLAYER, this::giveItem));
        imports.add(fn(declared, "mc_register_command", Permission.COMMANDS, this::registerCommand));
        imports.add(fn(declared, "mc_schedule_task", Permission.SCHEDULER, in -> schedule(in, "mc_schedule_task", false)));
        imports.add(fn(declared, "mc_schedule_repeating", Permission.SCHEDULER, in ->
                schedule(in, "mc_schedule_repeating", true)));
        imports.add(fn(declared, "mc_cancel_task", Permission.SCHEDULER, in -> JSON.objectNode().put("ok",
                context.services().scheduler().cancel((long) number(in, "mc_cancel_task", "id")))));
        return imports;
    }

    private JsonNode log(JsonNode in) {
        String level = in.path("level").asText("info").toUpperCase(Locale.ROOT);
        PluginLog.Level parsed = switch (level) {
            case "DEBUG", "TRACE" -> PluginLog.Level.DEBUG;
            case "WARN", "WARNING" -> PluginLog.Level.WARN;
            case "ERROR" -> PluginLog.Level.ERROR;
            default -> PluginLog.Level.INFO;
        };
        context.log().log(parsed, text(in, "mc_log", "message"));
        return JSON.nullNode();
    }

    private JsonNode giveItem(JsonNode in) {
        int count = (int) number(in, "mc_give_item", "count");
        String item = text(in, "mc_give_item", "item");
        Optional<Player> player = player(in, "mc_give_item");
        ItemGift.give(context, "mc_give_item", player, item, count);
        return JSON.objectNode().put("ok", player.isPresent());
    }

    private JsonNode registerCommand(JsonNode in) {
        String name = text(in, "mc_register_command", "name");
        var definition = CommandDefinition.of(name, (sender, words) -> {
            JsonNode output;
            try {
                output = callback.call(CallKind.COMMAND, "on_command", ExtismJson.command(name, words, sender));
            } catch (GuestErrorException e) {
                throw new CommandException(e.error());
            }
            if (output.hasNonNull("message")) {
                sender.sendMessage(output.get("message").asText());
            }
        }).withDescription(in.path("description").asText(""));
        if (in.hasNonNull("permission") && !in.get("permission").asText().isBlank()) {
            definition = definition.withPermission(in.get("permission").asText());
        }
        if (context.guest().exportType("on_command").isEmpty()) {
            return JSON.objectNode().put("ok", false).put("error", "the plugin exports no on_command");
        }
        try {
            context.services().commands().register(definition);
            return JSON.objectNode().put("ok", true);
        } catch (CommandException | IllegalArgumentException e) {
            return JSON.objectNode().put("ok", false).put("error", String.valueOf(e.getMessage()));
        }
    }

    private JsonNode schedule(JsonNode in, String function, boolean repeating) {
        long callback = (long) number(in, function, "callback");
        long period = repeating ? (long) number(in, function, "period") : 0;
        long delay = repeating ? in.path("delay").asLong(period) : (long) number(in, function, "delay");
        if (delay < 0 || period < 0 || (repeating && period == 0)) {
            throw new TrapException(function + ": delay and period must be positive");
        }
        if (context.guest().exportType("on_task").isEmpty()) {
            throw new TrapException(function + ": the plugin exports no on_task to run the task");
        }
        Runnable run = () -> this.callback.call(CallKind.TASK, "on_task", ExtismJson.task(callback));
        var scheduler = context.services().scheduler();
        Optional<Task> task = context.schedule(function, () -> repeating ? scheduler.runRepeating(delay, period, run)
                : scheduler.runLater(delay, run));
        return task.<JsonNode>map(t -> JSON.objectNode().put("id", t.id()))
                .orElseGet(() -> JSON.objectNode().putNull("id").put("error", "the plugin has as many tasks as it may"));
    }

    private Optional<Player> player(JsonNode in, String function) {
        JsonNode player = in.path("player");
        var server = context.services().server();
        Optional<Player> found;
        if (player.isIntegralNumber()) {
            found = server.entity(player.asLong()).filter(Player.class::isInstance).map(Player.class::cast);
        } else if (player.isTextual()) {
            found = server.player(player.asText());
        } else {
            throw new TrapException(function + ": field 'player' must be a player's id or name");
        }
        return found.filter(Player::isOnline);
    }

    private World world(JsonNode in) {
        String dimension = in.path("dimension").asText("overworld");
        return context.services().server().world(Dimension.byId(dimension).orElseThrow(() ->
                new TrapException("unknown dimension '" + dimension + "': overworld, nether or the_end")));
    }

    private static BlockPos pos(JsonNode in, String function) {
        return new BlockPos((int) number(in, function, "x"), (int) number(in, function, "y"),
                (int) number(in, function, "z"));
    }

    private static String text(JsonNode in, String function, String field) {
        JsonNode value = in.path(field);
        if (!value.isTextual()) {
            throw new TrapException(function + ": field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static double number(JsonNode in, String function, String field) {
        JsonNode value = in.path(field);
        if (!value.isNumber()) {
            throw new TrapException(function + ": field '" + field + "' must be a number");
        }
        return value.asDouble();
    }

    private HostImport fn(Map<String, FunctionType> declared, String name, @Nullable Permission permission,
            Function<JsonNode, JsonNode> body) {
        FunctionType type = declared.getOrDefault(name, WITH_RESULT);
        boolean result = !type.equals(WITHOUT_RESULT);
        var function = new HostImport(ExtismAbi.USER, name, result ? WITH_RESULT : WITHOUT_RESULT, Optional.empty(),
                !READ_ONLY.contains(name), (instance, args) -> {
                    JsonNode output = body.apply(input(args[0], name));
                    return result ? new long[] {output.isNull() ? 0 : kernel.store(bytes(output))} : new long[0];
                });
        return permission == null ? function : function.needs(permission);
    }

    private JsonNode input(long offset, String function) {
        if (offset == 0) {
            return JSON.objectNode();
        }
        byte[] bytes = kernel.block(offset, function);
        context.meter().charge(1 + bytes.length / 32);
        try {
            JsonNode node = json.readTree(bytes);
            return node == null ? JSON.objectNode() : node;
        } catch (JacksonException e) {
            throw new TrapException(function + ": its input is not JSON: " + ParseProblem.of(e).atLine());
        } catch (IOException e) {
            throw new TrapException(function + ": its input is not JSON: " + e.getMessage());
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            byte[] bytes = json.writeValueAsBytes(node);
            context.meter().charge(1 + bytes.length / 32);
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a host value failed: " + e.getMessage(), e);
        }
    }
}

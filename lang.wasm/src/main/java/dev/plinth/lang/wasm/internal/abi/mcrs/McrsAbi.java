package dev.plinth.lang.wasm.internal.abi.mcrs;

import static com.dylibso.chicory.wasm.types.ValType.F32;
import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ValType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.abi.AbiBinding;
import dev.plinth.lang.wasm.internal.abi.Exports;
import dev.plinth.lang.wasm.internal.binding.PluginContext;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import dev.plinth.lang.wasm.internal.link.HostImport;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ABI of the released MC-RS (pedrokarim/mc-rs, MIT): host functions imported from module {@code mcrs}, players
 * named by their name, events passed to {@code __on_event} as JSON, commands to {@code __on_command} as JSON, and
 * values the host returns (a player, the player list, a command's reply) written as {@code [u32 LE length][UTF-8
 * JSON]} into memory the module's {@code __malloc} returns. Exports are called when present; the host never calls
 * {@code __free} (the released MC-RS does not either: a plugin may free what it was given).
 *
 * <p>Permission groups: {@code player} for the player functions, {@code world} for time, weather and mobs,
 * {@code scheduler} for tasks, {@code commands} for {@code register_command}; {@code log} and {@code get_tick} need
 * none.
 */
public final class McrsAbi implements AbiBinding {

    /** The import module. */
    public static final String MODULE = "mcrs";
    /** The ABI's name in messages. */
    public static final String NAME = "the released MC-RS ABI";

    private static final long[] NONE = new long[0];
    private static final String MALLOC = "__malloc";
    private static final String CONFIG = "config.json";

    private final PluginContext context;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<Integer, Task> tasks = new HashMap<>();

    /**
     * Creates the binding of one plugin.
     *
     * @param context the plugin
     */
    public McrsAbi(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<HostImport> imports(WasmModule module) {
        var imports = new ArrayList<HostImport>();
        imports.add(fn("send_message", List.of(I32, I32, I32, I32), List.of(), (instance, args) -> {
            String name = string(instance, "send_message", args[0], args[1]);
            String message = string(instance, "send_message", args[2], args[3]);
            player(name).ifPresent(player -> player.sendMessage(message));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("broadcast_message", List.of(I32, I32), List.of(), (instance, args) -> {
            context.services().server().broadcast(string(instance, "broadcast_message", args[0], args[1]));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("kick_player", List.of(I32, I32, I32, I32), List.of(), (instance, args) -> {
            String name = string(instance, "kick_player", args[0], args[1]);
            String reason = string(instance, "kick_player", args[2], args[3]);
            player(name).ifPresent(player -> player.kick(reason));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("set_player_health", List.of(I32, I32, F32), List.of(), (instance, args) -> {
            float health = Float.intBitsToFloat((int) args[2]);
            player(string(instance, "set_player_health", args[0], args[1])).ifPresent(p -> p.setHealth(health));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("set_player_food", List.of(I32, I32, I32), List.of(), (instance, args) -> {
            player(string(instance, "set_player_food", args[0], args[1])).ifPresent(p -> p.setFood((int) args[2]));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("teleport_player", List.of(I32, I32, F32, F32, F32), List.of(), (instance, args) -> {
            var to = new Position(f32(args[2]), f32(args[3]), f32(args[4]));
            player(string(instance, "teleport_player", args[0], args[1])).ifPresent(p -> p.teleport(to));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("online_players", List.of(), List.of(I32), (instance, args) -> {
            ArrayNode players = JsonNodeFactory.instance.arrayNode();
            context.services().server().onlinePlayers().forEach(p -> players.add(McrsJson.player(p)));
            return new long[] {returned(instance, "online_players", players)};
        }).needs(Permission.PLAYER).readOnly());
        imports.add(fn("get_player", List.of(I32, I32), List.of(I32), (instance, args) -> {
            Optional<Player> player = player(string(instance, "get_player", args[0], args[1]));
            return new long[] {player.isEmpty() ? 0 : returned(instance, "get_player", McrsJson.player(player.get()))};
        }).needs(Permission.PLAYER).readOnly());
        imports.add(fn("get_time", List.of(), List.of(I64), (instance, args) -> new long[] {overworld().time()})
                .needs(Permission.WORLD).readOnly());
        imports.add(fn("set_time", List.of(I64), List.of(), (instance, args) -> {
            overworld().setTime(args[0]);
            return NONE;
        }).needs(Permission.WORLD));
        imports.add(fn("is_raining", List.of(), List.of(I32), (instance, args) ->
                new long[] {overworld().weather() == Weather.CLEAR ? 0 : 1}).needs(Permission.WORLD).readOnly());
        imports.add(fn("spawn_mob", List.of(I32, I32, F32, F32, F32), List.of(), (instance, args) -> {
            String type = string(instance, "spawn_mob", args[0], args[1]);
            try {
                overworld().spawnEntity(type, new Position(f32(args[2]), f32(args[3]), f32(args[4])));
            } catch (IllegalArgumentException e) {
                context.log().log(PluginLog.Level.WARN, "spawn_mob(" + type + "): " + e.getMessage());
            }
            return NONE;
        }).needs(Permission.WORLD));
        imports.add(fn("remove_mob", List.of(I64), List.of(), (instance, args) -> {
            context.services().server().entity(args[0]).filter(e -> !(e instanceof Player)).ifPresent(Entity::remove);
            return NONE;
        }).needs(Permission.WORLD));
        imports.add(fn("get_tick", List.of(), List.of(I64), (instance, args) ->
                new long[] {context.services().server().tick()}).readOnly());
        imports.add(fn("log", List.of(I32, I32, I32), List.of(), (instance, args) -> {
            PluginLog.Level level = switch ((int) args[0]) {
                case 1 -> PluginLog.Level.WARN;
                case 2 -> PluginLog.Level.ERROR;
                case 3 -> PluginLog.Level.DEBUG;
                default -> PluginLog.Level.INFO;
            };
            context.log().log(level, string(instance, "log", args[1], args[2]));
            return NONE;
        }).readOnly());
        imports.add(fn("schedule_delayed", List.of(I64, I32), List.of(), (instance, args) ->
                schedule(args[0], 0, (int) args[1])).needs(Permission.SCHEDULER));
        imports.add(fn("schedule_repeating", List.of(I64, I64, I32), List.of(), (instance, args) ->
                schedule(args[0], args[1], (int) args[2])).needs(Permission.SCHEDULER));
        imports.add(fn("cancel_task", List.of(I32), List.of(), (instance, args) -> {
            Task task = tasks.remove((int) args[0]);
            if (task != null) {
                task.cancel();
            }
            return NONE;
        }).needs(Permission.SCHEDULER));
        imports.add(fn("register_command", List.of(I32, I32, I32, I32), List.of(), this::registerCommand)
                .needs(Permission.COMMANDS));
        return imports;
    }

    @Override
    public void enable() {
        Guest guest = context.guest();
        boolean onEvent = Exports.optional(guest, NAME, "__on_event", List.of(I32, I32), List.of(I32));
        boolean onCommand = Exports.optional(guest, NAME, "__on_command", List.of(I32, I32), List.of(I32));
        Exports.optional(guest, NAME, "__on_task", List.of(I32), List.of());
        Exports.optional(guest, NAME, "__free", List.of(I32, I32), List.of());
        if (onEvent || onCommand) {
            Exports.required(guest, NAME, MALLOC, List.of(I32), List.of(I32),
                    "the host copies events and commands into memory __malloc returns");
        } else {
            Exports.optional(guest, NAME, MALLOC, List.of(I32), List.of(I32));
        }
        if (Exports.optional(guest, NAME, "__plugin_info", List.of(), List.of(I32))) {
            int info = (int) guest.call(CallKind.START, "__plugin_info")[0];
            if (info != 0) {
                context.log().log(PluginLog.Level.DEBUG, "plugin info: " + lengthPrefixed(guest, "__plugin_info",
                        info));
            }
        }
        loadConfig(guest);
        if (onEvent) {
            subscribe(guest, guest.export("__on_event"));
        }
        if (Exports.optional(guest, NAME, "__on_enable", List.of(), List.of())) {
            guest.call(CallKind.START, "__on_enable");
        }
    }

    @Override
    public void disable() {
        Guest guest = context.guest();
        tasks.clear();
        if (!guest.isClosed() && Exports.optional(guest, NAME, "__on_disable", List.of(), List.of())) {
            guest.call(CallKind.STOP, "__on_disable");
        }
    }

    /**
     * The plugin's configuration: its {@code __default_config} saved as {@code data/<resource>/config.json} the
     * first time, then the file (which the server owner may edit) passed to {@code __load_config}.
     */
    private void loadConfig(Guest guest) {
        boolean defaults = Exports.optional(guest, NAME, "__default_config", List.of(), List.of(I32));
        if (!Exports.optional(guest, NAME, "__load_config", List.of(I32, I32), List.of())) {
            return;
        }
        var store = context.services().config();
        Optional<Map<String, Object>> saved = store.loadValues(CONFIG);
        JsonNode config;
        if (saved.isPresent()) {
            config = json.valueToTree(saved.get());
        } else if (defaults) {
            int ptr = (int) guest.call(CallKind.START, "__default_config")[0];
            if (ptr == 0) {
                return;
            }
            try {
                config = json.readTree(lengthPrefixed(guest, "__default_config", ptr));
            } catch (JsonProcessingException e) {
                throw new ModuleException(context.prefix() + ": __default_config returned no JSON: "
                        + ParseProblem.of(e).atLine(), e);
            }
            store.save(CONFIG, json.convertValue(config, Object.class));
        } else {
            return;
        }
        byte[] bytes = bytes(config);
        ExportFunction load = guest.export("__load_config");
        guest.call(CallKind.START, "__load_config", () -> {
            int ptr = pass(guest, bytes);
            return load.apply(ptr, bytes.length);
        });
    }

    private void subscribe(Guest guest, ExportFunction onEvent) {
        var events = context.services().events();
        var options = HandlerOptions.at(EventPriority.NORMAL).withLocation(context.location("__on_event"));
        for (Class<? extends Event> type : McrsJson.EVENTS) {
            events.subscribe(type, options, event -> {
                if (guest.isClosed()) {
                    return;
                }
                Optional<JsonNode> node = McrsJson.event(event);
                if (node.isEmpty()) {
                    return;
                }
                byte[] bytes = bytes(node.get());
                long result = guest.call(CallKind.EVENT, "__on_event", () -> {
                    int ptr = pass(guest, bytes);
                    return onEvent.apply(ptr, bytes.length);
                })[0];
                if (result == 1 && event instanceof Cancellable cancellable) {
                    cancellable.setCancelled(true);
                }
            });
        }
    }

    private long[] registerCommand(Instance instance, long... args) {
        String name = string(instance, "register_command", args[0], args[1]);
        String description = string(instance, "register_command", args[2], args[3]);
        Guest guest = context.guest();
        if (guest.exportType("__on_command").isEmpty()) {
            context.log().log(PluginLog.Level.ERROR, "register_command(" + name + "): the module exports no "
                    + "__on_command to run it");
            return NONE;
        }
        ExportFunction onCommand = guest.export("__on_command");
        try {
            context.services().commands().register(CommandDefinition.of(name,
                    (sender, words) -> runCommand(guest, onCommand, name, sender, words)).withDescription(description));
        } catch (CommandException | IllegalArgumentException e) {
            context.log().log(PluginLog.Level.ERROR, "register_command(" + name + "): " + e.getMessage());
        }
        return NONE;
    }

    private void runCommand(Guest guest, ExportFunction onCommand, String name, CommandSender sender,
            List<String> words) {
        byte[] input = bytes(McrsJson.command(name, words, sender.name()));
        int reply = (int) guest.call(CallKind.COMMAND, "__on_command", () -> {
            int ptr = pass(guest, input);
            return onCommand.apply(ptr, input.length);
        })[0];
        if (reply != 0) {
            sender.sendMessage(lengthPrefixed(guest, "__on_command", reply));
        }
    }

    private long[] schedule(long delay, long period, int taskId) {
        Guest guest = context.guest();
        if (guest.exportType("__on_task").isEmpty()) {
            context.log().log(PluginLog.Level.ERROR, "schedule task " + taskId + ": the module exports no __on_task "
                    + "to run it");
            return NONE;
        }
        if (delay < 0 || period < 0) {
            throw new TrapException("schedule task " + taskId + ": negative delay or interval (" + delay + ", "
                    + period + ")");
        }
        ExportFunction onTask = guest.export("__on_task");
        var scheduler = context.services().scheduler();
        Runnable run = () -> {
            if (period == 0) {
                tasks.remove(taskId);
            }
            if (!guest.isClosed()) {
                guest.call(CallKind.TASK, "__on_task", onTask, taskId);
            }
        };
        context.schedule("schedule task " + taskId, () -> period > 0 ? scheduler.runRepeating(delay, period, run)
                : scheduler.runLater(delay, run)).ifPresent(task -> {
                    Task previous = tasks.put(taskId, task);
                    if (previous != null) {
                        previous.cancel();
                    }
                });
        return NONE;
    }

    /** A value for the module: {@code [u32 length][JSON]} in memory its {@code __malloc} gives, from a host call. */
    private int returned(Instance instance, String function, JsonNode value) {
        Guest guest = context.guest();
        if (guest.exportType(MALLOC).isEmpty()) {
            throw new TrapException(function + ": the module exports no __malloc to return the value in");
        }
        byte[] data = bytes(value);
        byte[] prefixed = ByteBuffer.allocate(4 + data.length).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length)
                .put(data).array();
        int ptr = (int) guest.call(CallKind.CALL, MALLOC, prefixed.length)[0];
        context.memory().write(instance.memory(), MALLOC + " (for " + function + ")", ptr, prefixed);
        return ptr;
    }

    /** A value for the module from the host, within a call: bytes copied into memory {@code __malloc} gives. */
    private int pass(Guest guest, byte[] data) {
        int ptr = (int) guest.export(MALLOC).apply(data.length)[0];
        guest.write(MALLOC, ptr, data);
        return ptr;
    }

    /** A value the module returns: {@code [u32 length][UTF-8]} at {@code ptr}; a bad pointer is its trap. */
    private String lengthPrefixed(Guest guest, String export, int ptr) {
        return new String(guest.read(export, ptr), StandardCharsets.UTF_8);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a host value failed: " + e.getMessage(), e);
        }
    }

    private World overworld() {
        return context.services().server().world(Dimension.OVERWORLD);
    }

    private Optional<Player> player(String name) {
        return context.services().server().player(name).filter(Player::isOnline);
    }

    private String string(Instance instance, String function, long ptr, long len) {
        return context.memory().string(instance.memory(), function, (int) ptr, (int) len);
    }

    private static double f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static HostImport fn(String name, List<ValType> params, List<ValType> results, WasmFunctionHandle handle) {
        return HostImport.of(MODULE, name, params, results, handle);
    }
}

package dev.plinth.lang.wasm.internal.abi.env;

import static com.dylibso.chicory.wasm.types.ValType.F64;
import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ValType;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.server.ServerTickEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.abi.AbiBinding;
import dev.plinth.lang.wasm.internal.abi.Exports;
import dev.plinth.lang.wasm.internal.binding.ItemGift;
import dev.plinth.lang.wasm.internal.binding.PluginContext;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.link.HostImport;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The MC-RS ABI of the design document: host functions {@code mc_*} imported from module {@code env}, strings as
 * UTF-8 {@code (ptr, len)} in the module's exported memory, players by their runtime id ({@code i64}), and exports
 * {@code on_*} the host calls when they are present. See the README for the contract.
 *
 * <p>Permission groups: {@code player} for messages, player names, teleports and items; {@code world} for blocks;
 * {@code commands} for {@code mc_register_command}; {@code scheduler} for tasks; {@code mc_log} and
 * {@code mc_block_id} need none.
 */
public final class EnvAbi implements AbiBinding {

    /** The import module. */
    public static final String MODULE = "env";
    /** The ABI's name in messages. */
    public static final String NAME = "the MC-RS design ABI";

    private static final long[] NONE = new long[0];
    private static final long[] OK = {0};
    private static final long[] FAILED = {1};

    private final PluginContext context;
    private final BlockIds blocks = new BlockIds();
    private final OnlinePlayers players;
    private ExportFunction alloc;
    private ExportFunction onCommand;
    private ExportFunction onTask;

    /**
     * Creates the binding of one plugin.
     *
     * @param context the plugin
     */
    public EnvAbi(PluginContext context) {
        this.context = context;
        this.players = new OnlinePlayers(context.services());
    }

    @Override
    public List<HostImport> imports(WasmModule module) {
        var imports = new ArrayList<HostImport>();
        imports.add(fn("mc_log", List.of(I32, I32, I32), List.of(), this::log).readOnly());
        imports.add(fn("mc_broadcast", List.of(I32, I32), List.of(), (instance, args) -> {
            context.services().server().broadcast(string(instance, "mc_broadcast", args[0], args[1]));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("mc_send_message", List.of(I64, I32, I32), List.of(), (instance, args) -> {
            String message = string(instance, "mc_send_message", args[1], args[2]);
            player(args[0]).ifPresent(player -> player.sendMessage(message));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("mc_get_player_name", List.of(I64, I32, I32), List.of(I32), this::playerName)
                .needs(Permission.PLAYER).readOnly());
        imports.add(fn("mc_block_id", List.of(I32, I32), List.of(I32), this::blockId).readOnly());
        imports.add(fn("mc_get_block", List.of(I32, I32, I32), List.of(I32), this::getBlock).needs(Permission.WORLD)
                .readOnly());
        imports.add(fn("mc_set_block", List.of(I32, I32, I32, I32), List.of(), this::setBlock).needs(Permission.WORLD));
        imports.add(fn("mc_teleport", List.of(I64, F64, F64, F64), List.of(), (instance, args) -> {
            var position = new Position(Double.longBitsToDouble(args[1]), Double.longBitsToDouble(args[2]),
                    Double.longBitsToDouble(args[3]));
            player(args[0]).ifPresent(player -> player.teleport(position));
            return NONE;
        }).needs(Permission.PLAYER));
        imports.add(fn("mc_give_item", List.of(I64, I32, I32, I32), List.of(), this::giveItem).needs(Permission.PLAYER));
        imports.add(fn("mc_register_command", List.of(I32, I32, I32, I32, I32, I32), List.of(I32),
                this::registerCommand).needs(Permission.COMMANDS));
        imports.add(fn("mc_schedule_task", List.of(I32, I32), List.of(I64), (instance, args) ->
                schedule((int) args[0], 0, (int) args[1])).needs(Permission.SCHEDULER));
        imports.add(fn("mc_schedule_repeating", List.of(I32, I32), List.of(I64), (instance, args) ->
                schedule((int) args[0], (int) args[0], (int) args[1])).needs(Permission.SCHEDULER));
        imports.add(fn("mc_cancel_task", List.of(I64), List.of(), (instance, args) -> {
            context.services().scheduler().cancel(args[0]);
            return NONE;
        }).needs(Permission.SCHEDULER));
        return imports;
    }

    @Override
    public void enable() {
        Guest guest = context.guest();
        boolean receivesStrings = Exports.optional(guest, NAME, "on_player_chat", List.of(I64, I32, I32), List.of(I32))
                | Exports.optional(guest, NAME, "on_command", List.of(I64, I32, I32, I32, I32), List.of(I32));
        if (receivesStrings) {
            Exports.required(guest, NAME, "alloc", List.of(I32), List.of(I32),
                    "it exports a handler that receives a string, which the host copies into memory alloc returns");
            alloc = guest.export("alloc");
        }
        if (Exports.optional(guest, NAME, "on_command", List.of(I64, I32, I32, I32, I32), List.of(I32))) {
            onCommand = guest.export("on_command");
        }
        if (Exports.optional(guest, NAME, "on_task", List.of(I32), List.of())) {
            onTask = guest.export("on_task");
        }
        subscribe(guest);
        if (Exports.optional(guest, NAME, "on_enable", List.of(), List.of())) {
            guest.call(CallKind.START, "on_enable");
        }
    }

    @Override
    public void disable() {
        Guest guest = context.guest();
        if (!guest.isClosed() && Exports.optional(guest, NAME, "on_disable", List.of(), List.of())) {
            guest.call(CallKind.STOP, "on_disable");
        }
    }

    @Override
    public Optional<String> saveState() {
        Guest guest = context.guest();
        if (!Exports.optional(guest, NAME, "on_save_state", List.of(), List.of(I64))) {
            return Optional.empty();
        }
        ExportFunction save = guest.export("on_save_state");
        String[] state = new String[1];
        guest.call(CallKind.START, "on_save_state", () -> {
            long packed = save.apply()[0];
            int len = (int) packed;
            state[0] = len == 0 ? null
                    : context.memory().string(guest.memory().orElse(null), "on_save_state", (int) (packed >>> 32), len);
            return NONE;
        });
        return Optional.ofNullable(state[0]);
    }

    @Override
    public void restoreState(String json) {
        callWithString("on_restore_state", json, "its state");
    }

    @Override
    public void reloaded() {
        Guest guest = context.guest();
        if (Exports.optional(guest, NAME, "on_reload", List.of(), List.of())) {
            guest.call(CallKind.START, "on_reload");
        }
    }

    @Override
    public void dependencyReloaded(String dependency) {
        callWithString("on_dependency_reload", dependency, "a resource name");
    }

    /** Calls a reload hook {@code (ptr, len) -> ()} that receives a string, when the module exports it. */
    private void callWithString(String export, String text, String what) {
        Guest guest = context.guest();
        if (!Exports.optional(guest, NAME, export, List.of(I32, I32), List.of())) {
            return;
        }
        Exports.required(guest, NAME, "alloc", List.of(I32), List.of(I32),
                "it exports " + export + ", which receives " + what + " in memory alloc returns");
        ExportFunction hook = guest.export(export);
        ExportFunction allocate = guest.export("alloc");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        guest.call(CallKind.START, export, () -> {
            int ptr = (int) allocate.apply(bytes.length)[0];
            guest.write("alloc", ptr, bytes);
            return hook.apply(ptr, bytes.length);
        });
    }

    private void subscribe(Guest guest) {
        if (Exports.optional(guest, NAME, "on_tick", List.of(I64), List.of())) {
            ExportFunction onTick = guest.export("on_tick");
            context.services().events().subscribe(ServerTickEvent.class, options("on_tick"), event ->
                    call(guest, "on_tick", onTick, event.tick()));
        }
        if (Exports.optional(guest, NAME, "on_player_join", List.of(I64), List.of())) {
            ExportFunction onJoin = guest.export("on_player_join");
            context.services().events().subscribe(PlayerJoinEvent.class, options("on_player_join"), event ->
                    call(guest, "on_player_join", onJoin, event.player().id()));
        }
        if (Exports.optional(guest, NAME, "on_player_quit", List.of(I64), List.of())) {
            ExportFunction onQuit = guest.export("on_player_quit");
            context.services().events().subscribe(PlayerQuitEvent.class, options("on_player_quit"), event ->
                    call(guest, "on_player_quit", onQuit, event.player().id()));
        }
        if (Exports.optional(guest, NAME, "on_player_chat", List.of(I64, I32, I32), List.of(I32))) {
            ExportFunction onChat = guest.export("on_player_chat");
            context.services().events().subscribe(PlayerChatEvent.class, options("on_player_chat"), event -> {
                if (guest.isClosed()) {
                    return;
                }
                byte[] message = event.message().getBytes(StandardCharsets.UTF_8);
                long player = event.player().id();
                if (guest.call(CallKind.EVENT, "on_player_chat", () -> {
                    int ptr = pass(guest, message);
                    return onChat.apply(player, ptr, message.length);
                })[0] != 0) {
                    event.setCancelled(true);
                }
            });
        }
        if (Exports.optional(guest, NAME, "on_player_break_block", List.of(I64, I32, I32, I32, I32), List.of(I32))) {
            ExportFunction onBreak = guest.export("on_player_break_block");
            context.services().events().subscribe(PlayerBreakBlockEvent.class, options("on_player_break_block"), event -> {
                if (guest.isClosed()) {
                    return;
                }
                BlockPos pos = event.position();
                int id = blocks.intern(event.block()).orElse(0);
                if (guest.call(CallKind.EVENT, "on_player_break_block", onBreak, event.player().id(), pos.x(),
                        pos.y(), pos.z(), id)[0] != 0) {
                    event.setCancelled(true);
                }
            });
        }
    }

    private HandlerOptions options(String export) {
        return HandlerOptions.at(EventPriority.NORMAL).withLocation(context.location(export));
    }

    private static void call(Guest guest, String name, ExportFunction function, long arg) {
        if (!guest.isClosed()) {
            guest.call(CallKind.EVENT, name, function, arg);
        }
    }

    /** Copies bytes into memory the module's {@code alloc} returns, within a call. */
    private int pass(Guest guest, byte[] data) {
        int ptr = (int) alloc.apply(data.length)[0];
        guest.write("alloc", ptr, data);
        return ptr;
    }

    private long[] log(Instance instance, long... args) {
        PluginLog.Level level = switch ((int) args[0]) {
            case 0 -> PluginLog.Level.DEBUG;
            case 1 -> PluginLog.Level.INFO;
            case 2 -> PluginLog.Level.WARN;
            default -> PluginLog.Level.ERROR;
        };
        context.log().log(level, string(instance, "mc_log", args[1], args[2]));
        return NONE;
    }

    private long[] playerName(Instance instance, long... args) {
        Player player = players.online(args[0]);
        if (player == null) {
            return FAILED;
        }
        context.memory().writeCapped(instance.memory(), "mc_get_player_name", (int) args[1], (int) args[2],
                players.nameBytes(player));
        return OK;
    }

    private long[] blockId(Instance instance, long... args) {
        String name = string(instance, "mc_block_id", args[0], args[1]);
        BlockState block;
        try {
            block = BlockState.parse(name);
        } catch (IllegalArgumentException e) {
            return new long[] {-1};
        }
        return new long[] {blocks.intern(block).orElse(-1)};
    }

    private long[] getBlock(Instance instance, long... args) {
        BlockState block = context.services().server().world(Dimension.OVERWORLD)
                .block(new BlockPos((int) args[0], (int) args[1], (int) args[2]));
        OptionalInt id = blocks.intern(block);
        return new long[] {id.orElse(-1)};
    }

    private long[] setBlock(Instance instance, long... args) {
        BlockState block = blocks.block((int) args[3]);
        if (block == null) {
            throw new TrapException("mc_set_block: unknown block id " + (int) args[3]
                    + ": get ids from mc_block_id or mc_get_block");
        }
        context.services().server().world(Dimension.OVERWORLD)
                .setBlock(new BlockPos((int) args[0], (int) args[1], (int) args[2]), block);
        return NONE;
    }

    private long[] giveItem(Instance instance, long... args) {
        String item = string(instance, "mc_give_item", args[1], args[2]);
        ItemGift.give(context, "mc_give_item", player(args[0]), item, (int) args[3]);
        return NONE;
    }

    private long[] registerCommand(Instance instance, long... args) {
        String name = string(instance, "mc_register_command", args[0], args[1]);
        String description = string(instance, "mc_register_command", args[2], args[3]);
        String permission = string(instance, "mc_register_command", args[4], args[5]);
        if (onCommand == null) {
            context.log().log(PluginLog.Level.ERROR, "mc_register_command(" + name + "): the module exports no "
                    + "on_command (i64, i32, i32, i32, i32) -> i32 to run it");
            return new long[] {2};
        }
        Guest guest = context.guest();
        ExportFunction handler = onCommand;
        var definition = CommandDefinition.of(name, (sender, words) -> runCommand(guest, handler, name, sender, words))
                .withDescription(description);
        if (!permission.isBlank()) {
            definition = definition.withPermission(permission);
        }
        try {
            context.services().commands().register(definition);
        } catch (CommandException | IllegalArgumentException e) {
            context.log().log(PluginLog.Level.ERROR, "mc_register_command(" + name + "): " + e.getMessage());
            return FAILED;
        }
        return OK;
    }

    private void runCommand(Guest guest, ExportFunction handler, String name, CommandSender sender,
            List<String> words) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] argBytes = String.join(" ", words).getBytes(StandardCharsets.UTF_8);
        long player = sender instanceof Player p ? p.id() : 0;
        long result = guest.call(CallKind.COMMAND, "on_command", () -> {
            int namePtr = pass(guest, nameBytes);
            int argsPtr = pass(guest, argBytes);
            return handler.apply(player, namePtr, nameBytes.length, argsPtr, argBytes.length);
        })[0];
        if (result != 0) {
            throw new CommandException("/" + name + " failed: on_command returned " + result);
        }
    }

    private long[] schedule(int delay, int period, int callback) {
        if (onTask == null) {
            context.log().log(PluginLog.Level.ERROR, "mc_schedule_task: the module exports no on_task (i32) to run "
                    + "the task");
            return new long[] {-1};
        }
        if (delay < 0 || period < 0) {
            return new long[] {-1};
        }
        Guest guest = context.guest();
        ExportFunction task = onTask;
        Runnable run = () -> {
            if (!guest.isClosed()) {
                guest.call(CallKind.TASK, "on_task", task, callback);
            }
        };
        var scheduler = context.services().scheduler();
        var scheduled = context.schedule(period > 0 ? "mc_schedule_repeating" : "mc_schedule_task",
                () -> period > 0 ? scheduler.runRepeating(delay, period, run) : scheduler.runLater(delay, run));
        return new long[] {scheduled.map(Task::id).orElse(-1L)};
    }

    private Optional<Player> player(long id) {
        return Optional.ofNullable(players.online(id));
    }

    private String string(Instance instance, String function, long ptr, long len) {
        return context.memory().string(instance.memory(), function, (int) ptr, (int) len);
    }

    private static HostImport fn(String name, List<ValType> params, List<ValType> results,
            com.dylibso.chicory.runtime.WasmFunctionHandle handle) {
        return HostImport.of(MODULE, name, params, results, handle);
    }
}

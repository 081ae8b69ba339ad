package dev.plinth.lang.wasm.internal.abi.extism;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.server.ServerTickEvent;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.wasm.internal.abi.AbiBinding;
import dev.plinth.lang.wasm.internal.binding.PluginContext;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.GuestErrorException;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import dev.plinth.lang.wasm.internal.link.HostImport;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plugins built with an Extism PDK, in any language ({@code abi = "extism"}): the Extism kernel functions
 * ({@code extism:host/env}: memory, input, output, errors, variables, configuration, logging) hosted in Java by
 * {@link ExtismKernel}, Plinth's {@code mc_*} functions as Extism host functions ({@code extism:host/user}) that
 * take and return JSON, and the plugin's exports named after events ({@code on_player_chat}...) called with the
 * event as JSON input; an output {@code {"cancel": true}} cancels it. Any export can be called from the shell
 * ({@code wasm:call}), as the {@code extism call} command line does. HTTP is Extism's and needs the
 * {@code network} permission, which Plinth never grants. See the README.
 */
public final class ExtismAbi implements AbiBinding {

    /** The kernel's import module. */
    public static final String KERNEL = "extism:host/env";
    /** The module of host functions. */
    public static final String USER = "extism:host/user";
    /** The ABI's name in messages. */
    public static final String NAME = "the Extism ABI";
    /** The data file the plugin's configuration ({@code config_get}) is read from. */
    static final String CONFIG = "config.json";

    private static final long[] NONE = new long[0];
    private static final FunctionType EXPORT = FunctionType.of(List.of(), List.of(I32));
    private static final FunctionType VOID_EXPORT = FunctionType.of(List.of(), List.of());

    private final PluginContext context;
    private final ExtismKernel kernel;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ExtismHostFunctions functions;

    /**
     * Creates the binding of one plugin.
     *
     * @param context the plugin
     * @param kernelBytes the most bytes its kernel memory may hold
     */
    public ExtismAbi(PluginContext context, int kernelBytes) {
        this.context = context;
        this.kernel = new ExtismKernel(kernelBytes);
        this.functions = new ExtismHostFunctions(context, kernel, this::callback);
    }

    @Override
    public List<HostImport> imports(WasmModule module) {
        var imports = new ArrayList<HostImport>();
        imports.add(kernel("alloc", List.of(I64), List.of(I64), (i, a) -> one(kernel.alloc(a[0]))));
        imports.add(kernel("free", List.of(I64), List.of(), (i, a) -> {
            kernel.free(a[0]);
            return NONE;
        }));
        imports.add(kernel("length", List.of(I64), List.of(I64), (i, a) -> one(kernel.length(a[0]))));
        imports.add(kernel("length_unsafe", List.of(I64), List.of(I64), (i, a) -> one(kernel.length(a[0]))));
        imports.add(kernel("load_u8", List.of(I64), List.of(I32), (i, a) -> one(kernel.loadU8(a[0]))));
        imports.add(kernel("load_u64", List.of(I64), List.of(I64), (i, a) -> one(kernel.loadU64(a[0]))));
        imports.add(kernel("input_load_u8", List.of(I64), List.of(I32), (i, a) -> one(kernel.inputLoadU8(a[0]))));
        imports.add(kernel("input_load_u64", List.of(I64), List.of(I64), (i, a) -> one(kernel.inputLoadU64(a[0]))));
        imports.add(kernel("store_u8", List.of(I64, I32), List.of(), (i, a) -> {
            kernel.storeU8(a[0], (int) a[1]);
            return NONE;
        }));
        imports.add(kernel("store_u64", List.of(I64, I64), List.of(), (i, a) -> {
            kernel.storeU64(a[0], a[1]);
            return NONE;
        }));
        imports.add(kernel("input_length", List.of(), List.of(I64), (i, a) -> one(kernel.inputLength())));
        imports.add(kernel("input_offset", List.of(), List.of(I64), (i, a) -> one(kernel.inputOffset())));
        imports.add(kernel("output_set", List.of(I64, I64), List.of(), (i, a) -> {
            kernel.outputSet(a[0], a[1]);
            return NONE;
        }));
        imports.add(kernel("error_set", List.of(I64), List.of(), (i, a) -> {
            kernel.errorSet(a[0]);
            return NONE;
        }));
        imports.add(kernel("config_get", List.of(I64), List.of(I64), (i, a) -> one(config(a[0]))));
        imports.add(kernel("var_get", List.of(I64), List.of(I64), (i, a) -> {
            String key = text(a[0], "var_get");
            kernel.free(a[0]);
            return one(kernel.var(key).map(kernel::store).orElse(0L));
        }));
        imports.add(kernel("var_set", List.of(I64, I64), List.of(), (i, a) -> {
            String key = text(a[0], "var_set");
            if (a[1] == 0) {
                kernel.removeVar(key);
            } else {
                byte[] value = kernel.block(a[1], "var_set");
                context.meter().charge(1 + value.length / 32);
                kernel.setVar(key, value);
                kernel.free(a[1]);
            }
            kernel.free(a[0]);
            return NONE;
        }));
        for (PluginLog.Level level : PluginLog.Level.values()) {
            String name = "log_" + level.name().toLowerCase(Locale.ROOT);
            imports.add(kernel(name, List.of(I64), List.of(), (i, a) -> {
                context.log().log(level, text(a[0], name));
                return NONE;
            }));
        }
        imports.add(kernel("log_trace", List.of(I64), List.of(), (i, a) -> {
            context.log().log(PluginLog.Level.DEBUG, text(a[0], "log_trace"));
            return NONE;
        }));
        imports.add(kernel("get_log_level", List.of(), List.of(I32), (i, a) -> one(1)));
        imports.addAll(functions.imports(userTypes(module)));
        return imports;
    }

    @Override
    public Map<String, Permission> withheld() {
        return Map.of(KERNEL + ".http_request", Permission.NETWORK, KERNEL + ".http_status_code",
                Permission.NETWORK, KERNEL + ".http_headers", Permission.NETWORK);
    }

    @Override
    public void enable() {
        Guest guest = context.guest();
        subscribe(guest);
        if (guest.exportType("on_enable").isPresent()) {
            call(CallKind.START, "on_enable", new byte[0]);
        }
    }

    @Override
    public void disable() {
        Guest guest = context.guest();
        if (!guest.isClosed() && guest.exportType("on_disable").isPresent()) {
            call(CallKind.STOP, "on_disable", new byte[0]);
        }
    }

    /** {@inheritDoc} The export {@code on_save_state}, whose output is the state (none when it is empty). */
    @Override
    public Optional<String> saveState() {
        if (!handles(context.guest(), "on_save_state")) {
            return Optional.empty();
        }
        byte[] output = call(CallKind.START, "on_save_state", new byte[0]);
        return output.length == 0 ? Optional.empty() : Optional.of(new String(output, StandardCharsets.UTF_8));
    }

    /** {@inheritDoc} The export {@code on_restore_state}, with the state as its input. */
    @Override
    public void restoreState(String state) {
        hook("on_restore_state", state);
    }

    /** {@inheritDoc} The export {@code on_reload}. */
    @Override
    public void reloaded() {
        hook("on_reload", "");
    }

    /** {@inheritDoc} The export {@code on_dependency_reload}, with the resource's name as its input. */
    @Override
    public void dependencyReloaded(String dependency) {
        hook("on_dependency_reload", dependency);
    }

    private void hook(String export, String input) {
        if (handles(context.guest(), export)) {
            call(CallKind.START, export, input.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Calls an export as Extism does: the input set, the export called, its output read; a non-zero return code
     * is the plugin's error.
     *
     * @param kind what the call is for
     * @param export the export, of type {@code () -> i32} (or {@code () -> ()})
     * @param input its input
     * @return its output
     * @throws GuestErrorException when it returned an error
     * @throws dev.plinth.lang.wasm.internal.failure.PluginException when the call ended abnormally
     * @throws IllegalArgumentException when there is no such export, or it does not have an Extism export's type
     */
    public byte[] call(CallKind kind, String export, byte[] input) {
        Guest guest = context.guest();
        Optional<FunctionType> type = guest.exportType(export);
        if (type.isEmpty()) {
            throw new IllegalArgumentException(context.prefix() + " exports no function " + export);
        }
        if (!type.get().equals(EXPORT) && !type.get().equals(VOID_EXPORT)) {
            throw new IllegalArgumentException(context.prefix() + ": " + export + " is " + type.get()
                    + ", not an Extism export () -> (I32)");
        }
        ExportFunction function = guest.export(export);
        boolean nested = context.meter().active();
        ExtismKernel.Frame outer = nested ? kernel.save() : null;
        try {
            if (nested) {
                kernel.nestedInput(input);
            } else {
                kernel.begin(input);
            }
            long[] results = guest.call(kind, export, function);
            long rc = results.length == 0 ? 0 : results[0];
            if (rc != 0) {
                throw new GuestErrorException(context.prefix(), export, kernel.error()
                        .orElse("it returned " + rc));
            }
            return kernel.output();
        } finally {
            if (outer != null) {
                kernel.restore(outer);
            }
        }
    }

    /** {@return the bytes the kernel holds: its memory and the plugin's variables} */
    public long retainedBytes() {
        return kernel.retainedBytes();
    }

    private void subscribe(Guest guest) {
        if (handles(guest, "on_player_join")) {
            context.services().events().subscribe(PlayerJoinEvent.class, options("on_player_join"), event ->
                    handle(guest, "on_player_join", ExtismJson.event(PlayerJoinEvent.NAME, event.player())));
        }
        if (handles(guest, "on_player_quit")) {
            context.services().events().subscribe(PlayerQuitEvent.class, options("on_player_quit"), event ->
                    handle(guest, "on_player_quit", ExtismJson.event(PlayerQuitEvent.NAME, event.player())));
        }
        if (handles(guest, "on_player_chat")) {
            context.services().events().subscribe(PlayerChatEvent.class, options("on_player_chat"), event -> {
                if (handle(guest, "on_player_chat", ExtismJson.event(PlayerChatEvent.NAME, event.player())
                        .put("message", event.message()))) {
                    event.setCancelled(true);
                }
            });
        }
        if (handles(guest, "on_player_break_block")) {
            context.services().events().subscribe(PlayerBreakBlockEvent.class, options("on_player_break_block"), event -> {
                if (handle(guest, "on_player_break_block", ExtismJson.block(PlayerBreakBlockEvent.NAME,
                        event.player(), event.position(), event.block().toString()))) {
                    event.setCancelled(true);
                }
            });
        }
        if (handles(guest, "on_tick")) {
            context.services().events().subscribe(ServerTickEvent.class, options("on_tick"), event ->
                    handle(guest, "on_tick", ExtismJson.tick(event.tick())));
        }
    }

    private boolean handles(Guest guest, String export) {
        Optional<FunctionType> type = guest.exportType(export);
        if (type.isEmpty()) {
            return false;
        }
        if (!type.get().equals(EXPORT) && !type.get().equals(VOID_EXPORT)) {
            throw new ModuleException(context.prefix() + ": exports " + export + " as " + type.get() + ", "
                    + NAME + " calls it as " + EXPORT);
        }
        return true;
    }

    /** Calls an event handler; {@return whether its output asks to cancel the event} */
    private boolean handle(Guest guest, String export, JsonNode input) {
        if (guest.isClosed()) {
            return false;
        }
        byte[] output = call(CallKind.EVENT, export, bytes(input));
        return output.length > 0 && readOutput(export, output).path("cancel").asBoolean(false);
    }

    /** A command or task the plugin registered through its host functions, run by the host. */
    private JsonNode callback(CallKind kind, String export, JsonNode input) {
        Guest guest = context.guest();
        if (guest.isClosed()) {
            throw new CommandException(context.name() + " is stopped");
        }
        byte[] output = call(kind, export, bytes(input));
        return output.length == 0 ? json.nullNode() : readOutput(export, output);
    }

    private JsonNode readOutput(String export, byte[] output) {
        try {
            return json.readTree(output);
        } catch (JacksonException e) {
            context.log().log(PluginLog.Level.WARN, export + " returned no JSON: " + ParseProblem.of(e).atLine());
            return json.nullNode();
        } catch (IOException e) {
            context.log().log(PluginLog.Level.WARN, export + " returned no JSON: " + e.getMessage());
            return json.nullNode();
        }
    }

    private long config(long keyOffset) {
        String key = text(keyOffset, "config_get");
        kernel.free(keyOffset);
        Optional<Map<String, Object>> config = context.services().config().loadValues(CONFIG);
        Object value = config.map(values -> values.get(key)).orElse(null);
        if (value == null) {
            return 0;
        }
        byte[] bytes = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : bytes(json.valueToTree(value));
        return kernel.store(bytes);
    }

    private String text(long offset, String function) {
        byte[] bytes = kernel.block(offset, function);
        context.meter().charge(1 + bytes.length / 32);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The types the module imports Plinth's host functions with, by name. */
    private static Map<String, FunctionType> userTypes(WasmModule module) {
        var types = new HashMap<String, FunctionType>();
        var section = module.importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imported = section.getImport(i);
            if (imported.module().equals(USER) && imported.importType() == ExternalType.FUNCTION) {
                types.put(imported.name(), module.typeSection().getType(((FunctionImport) imported).typeIndex()));
            }
        }
        return types;
    }

    private HandlerOptions options(String export) {
        return HandlerOptions.at(EventPriority.NORMAL).withLocation(context.location(export));
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a host value failed: " + e.getMessage(), e);
        }
    }

    private static long[] one(long value) {
        return new long[] {value};
    }

    private static HostImport kernel(String name, List<ValType> params, List<ValType> results,
            WasmFunctionHandle handle) {
        return HostImport.of(KERNEL, name, params, results, handle).readOnly();
    }
}

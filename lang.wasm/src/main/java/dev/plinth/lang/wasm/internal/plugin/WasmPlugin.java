package dev.plinth.lang.wasm.internal.plugin;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.WasmModule;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.watchdog.Watch;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.wasm.internal.abi.AbiBinding;
import dev.plinth.lang.wasm.internal.abi.env.EnvAbi;
import dev.plinth.lang.wasm.internal.abi.extism.ExtismAbi;
import dev.plinth.lang.wasm.internal.abi.mcrs.McrsAbi;
import dev.plinth.lang.wasm.internal.binding.HostServices;
import dev.plinth.lang.wasm.internal.binding.PluginContext;
import dev.plinth.lang.wasm.internal.binding.PluginLog;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.link.HostImport;
import dev.plinth.lang.wasm.internal.link.Linker;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.wasi.WasiImports;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One running WebAssembly plugin: its module instance linked against its ABI's host functions (and WASI when it
 * imports it) as its permissions allow, its handlers subscribed, its enable hook run. Stopping it runs its disable
 * hook and closes the instance; what it registered goes away with its resource bundle.
 *
 * <p>Threads: started and stopped on the thread that starts or stops the resource; its handlers run on the game
 * thread; {@link #call} on the game thread.
 */
public final class WasmPlugin {

    private final PluginSpec spec;
    private final PluginContext context;
    private final AbiBinding abi;
    private final Guest guest;
    private final @Nullable WasiImports wasi;
    private final Watch watch;

    private WasmPlugin(PluginSpec spec, PluginContext context, AbiBinding abi, Guest guest,
            @Nullable WasiImports wasi, Watch watch) {
        this.spec = spec;
        this.context = context;
        this.abi = abi;
        this.guest = guest;
        this.wasi = wasi;
        this.watch = watch;
    }

    /**
     * Starts a plugin: links and instantiates its module, then enables it.
     *
     * @param spec what the plugin is
     * @param module its prepared module
     * @param services its services
     * @param log its log
     * @param ticks the server's current tick, for the per-tick fuel budget
     * @param account its account (work, offences, the per-tick budget)
     * @param watchdog the server's watchdog: the plugin's calls are watched, the watch closed when it stops
     * @param onFatal told when the plugin must be stopped for its offences (see {@link Guest#instantiate})
     * @return the running plugin
     * @throws PluginException when an import cannot be linked, the start function, {@code _initialize} or the
     *     enable hook fails, or an export has a type its ABI does not call it with
     */
    public static WasmPlugin start(PluginSpec spec, PreparedModule module, HostServices services, PluginLog log,
            LongSupplier ticks, Account account, Watchdog watchdog, Consumer<PluginException> onFatal) {
        PluginContext[] holder = new PluginContext[1];
        Watch watch = watchdog.watch(spec.name(), overrun -> holder[0].interrupted(overrun));
        var meter = new FuelMeter(spec.fuel(), spec.bounds(), ticks, account, watch);
        var context = new PluginContext(spec.name(), spec.file(), services, log, meter, spec.sandbox().maxTasks());
        holder[0] = context;
        AbiBinding abi = binding(spec, context);
        WasmModule wasm = module.module();
        WasiImports wasi = importsWasi(wasm) ? new WasiImports(spec.name(), log, meter) : null;
        Guest guest = null;
        try {
            List<HostImport> offered = new ArrayList<>(abi.imports(wasm));
            if (wasi != null) {
                offered.addAll(wasi.imports());
            }
            ImportValues imports = Linker.link(spec.prefix(), wasm, offered, abi.withheld(), spec.grants(), meter);
            guest = Guest.instantiate(spec.prefix(), module, imports, meter, spec.sandbox().maxOffences(),
                    spec.sandbox().maxCallAllocBytes(), onFatal);
            context.attach(guest);
            abi.enable();
            return new WasmPlugin(spec, context, abi, guest, wasi, watch);
        } catch (RuntimeException | StackOverflowError e) {
            if (guest != null) {
                guest.close();
            }
            if (wasi != null) {
                wasi.close();
            }
            watch.close();
            throw e;
        }
    }

    /**
     * Stops the plugin: its disable hook (unless it was stopped for its offences), then its instance.
     *
     * @throws PluginException when the disable hook fails; the plugin is stopped all the same
     */
    public void stop() {
        try {
            abi.disable();
        } finally {
            guest.close();
            if (wasi != null) {
                wasi.close();
            }
            watch.close();
        }
    }

    /**
     * Calls an export of an Extism plugin with an input, as {@code extism call} does.
     *
     * @param export the export
     * @param input its input
     * @return its output
     * @throws IllegalArgumentException when the plugin is not an Extism plugin or has no such export
     * @throws PluginException when the call fails
     */
    public byte[] call(String export, byte[] input) {
        if (!(abi instanceof ExtismAbi extism)) {
            throw new IllegalArgumentException(spec.name() + " is a plugin of " + spec.abi().title()
                    + ": only Extism plugins take an input and give an output");
        }
        return extism.call(CallKind.CALL, export, input);
    }

    /** {@return what the plugin keeps: its linear memory, and its Extism kernel memory and variables} */
    public long retainedBytes() {
        long memory = guest.memory().map(m -> (long) m.pages() * 65536L).orElse(0L);
        return memory + (abi instanceof ExtismAbi extism ? extism.retainedBytes() : 0);
    }

    /** {@return what the plugin is} */
    public PluginSpec spec() {
        return spec;
    }

    /** {@return the plugin's side of its ABI, whose reload hooks the host calls} */
    public AbiBinding abi() {
        return abi;
    }

    /** {@return the plugin's module instance} */
    public Guest guest() {
        return guest;
    }

    /** {@return the plugin's context} */
    PluginContext context() {
        return context;
    }

    private static AbiBinding binding(PluginSpec spec, PluginContext context) {
        return switch (spec.abi()) {
            case ENV -> new EnvAbi(context);
            case MCRS -> new McrsAbi(context);
            case EXTISM -> new ExtismAbi(context, (int) Math.min(Integer.MAX_VALUE - 8, spec.maxMemoryBytes()));
        };
    }

    private static boolean importsWasi(WasmModule module) {
        var section = module.importSection();
        for (int i = 0; i < section.importCount(); i++) {
            if (section.getImport(i).module().equals(WasiImports.MODULE)) {
                return true;
            }
        }
        return false;
    }
}

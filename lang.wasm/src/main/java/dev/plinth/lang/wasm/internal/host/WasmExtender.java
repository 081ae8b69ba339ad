package dev.plinth.lang.wasm.internal.host;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.core.runtime.host.HostPreparation;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.memory.RetainedMemory;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.binding.BundleServices;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.module.ExecutionMode;
import dev.plinth.lang.wasm.internal.module.ModuleLoader;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.module.WatAssembler;
import dev.plinth.lang.wasm.internal.plugin.PluginSpec;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The WebAssembly host: an extender that runs the started bundles requiring {@code osgi.extender=plinth.wasm}. The
 * expensive part, loading the module (assembling {@code .wat}, parsing, validating, metering, compiling to JVM
 * bytecode, with progress for large modules), runs before the start, off the game thread ({@link HostPreparation},
 * and {@link ReloadPreparation} for the next content of a hot reload, which a module that does not load refuses);
 * the start, on the game thread, links and instantiates what was prepared and runs the plugin's enable hook. A bundle
 * stopping gets its disable hook and loses its instance. The sandbox (core.sandbox) gives each plugin its limits,
 * grants, account and wall-clock watch, and does what every host repeats ({@link HostSupport}).
 *
 * <p>A plugin that fails while starting (a module that does not load or link, a trap, a broken limit, an invalid
 * {@code [resources]} or {@code [permissions]}) has its bundle stopped again before {@code Bundle.start} returns,
 * with a {@code HostFailure} naming the failure, so the resource manager fails the start with
 * {@code ERR_SCRIPT_EXECUTION} and shows the resource in {@code error}. A plugin stopped for its offences later is
 * failed the same way, from the sandbox's stopper thread.
 *
 * <p>Threads: {@link #prepare} on the thread that asks for a start; the tracker calls back on the thread that starts
 * or stops a bundle, synchronously.
 */
@Component(service = {HostPreparation.class, ReloadPreparation.class, RunningPlugins.class}, immediate = true)
public final class WasmExtender implements BundleTrackerCustomizer<WasmResource>, HostPreparation,
        ReloadPreparation, RunningPlugins, BundleListener {

    /** The extender name resource bundles require. */
    public static final String EXTENDER = "plinth.wasm";
    private static final String LANGUAGE = "wasm";
    private static final String SERVER_JSON = "conf/server.json";

    private final BundleContext context;
    private final ResourceService resources;
    private final HostSupport support;
    private final SandboxSettings sandbox;
    private final Watchdog watchdog;
    private final Accounts accounts;
    private final GameThread gameThread;
    private final Progress progress;
    private final Logger log;
    private final Map<Long, Prepared> prepared = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final ModuleCache modules = new ModuleCache();
    private volatile @Nullable WatAssembler assembler;
    private volatile @Nullable BundleTracker<WasmResource> tracker;

    /**
     * Creates the host; {@link #open()} starts tracking.
     *
     * @param context the host bundle's context
     * @param resources the resource manager, for the resources' descriptors
     * @param support the sandbox's scaffolding for this host
     * @param sandbox the sandbox settings ({@code conf/server.json})
     * @param watchdog the wall-clock watchdog
     * @param accounts the resources' accounts
     * @param gameThread the game thread, for the tick number of the per-tick budget
     * @param progress where the compilation of a large module is shown (this host's own, bundle-scoped)
     * @param loggers the log service
     */
    @Activate
    public WasmExtender(BundleContext context, @Reference ResourceService resources, @Reference HostSupport support,
            @Reference SandboxSettings sandbox, @Reference Watchdog watchdog, @Reference Accounts accounts,
            @Reference GameThread gameThread, @Reference Progress progress, @Reference LoggerFactory loggers) {
        this.context = context;
        this.resources = resources;
        this.support = support;
        this.sandbox = sandbox;
        this.watchdog = watchdog;
        this.accounts = accounts;
        this.gameThread = gameThread;
        this.progress = progress;
        this.log = loggers.getLogger(WasmExtender.class);
    }

    /** Tracks the resource bundles, starting those already active. */
    @Activate
    void open() {
        WasmSettings settings = settings();
        context.addBundleListener(this);
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
        log.info("WebAssembly host ready: Chicory {}, {} fuel per call, {} per tick, {} ms per call",
                settings.compiled() ? "compiler (interpreter as the fallback)" : "interpreter",
                settings.fuelPerCall(), settings.fuelPerTick(), sandbox.defaults().callTimeout().toMillis());
    }

    /** Stops every WebAssembly resource. */
    @Deactivate
    void close() {
        context.removeBundleListener(this);
        BundleTracker<WasmResource> running = tracker;
        if (running != null) {
            running.close();
        }
        prepared.clear();
        names.clear();
    }

    @Override
    public void prepare(Bundle bundle) {
        if (support.serves(bundle, EXTENDER)) {
            prepared.put(bundle.getBundleId(), load(bundle));
        }
    }

    /**
     * Compiling a large module is long work: the boot starts such a resource once the shell is ready. Reads the
     * manifest and the module's sections.
     */
    @Override
    public Optional<String> longWork(Bundle bundle) {
        if (!support.serves(bundle, EXTENDER)) {
            return Optional.empty();
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        if (descriptor.isEmpty()) {
            return Optional.empty();
        }
        String name = descriptor.get().name();
        try {
            WasmSettings settings = settings();
            PluginManifest manifest = PluginManifest.read(descriptor.get(), sandbox, settings);
            return ModuleLoader.longWork(settings.compiled(), manifest.file(), read(bundle, name, manifest.file()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the start reports it
        }
    }

    @Override
    public Optional<WasmPlugin> plugin(String resource) {
        BundleTracker<WasmResource> running = tracker;
        if (running == null) {
            return Optional.empty();
        }
        return running.getTracked().values().stream().filter(r -> r.name().equals(resource)).findFirst()
                .map(WasmResource::plugin);
    }

    @Override
    public @Nullable WasmResource addingBundle(Bundle bundle, @Nullable BundleEvent event) {
        if (!support.serves(bundle, EXTENDER)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        String name = descriptor.map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
        ScriptLog scriptLog = support.log(bundle, name, LANGUAGE, sandbox.defaults().logLinesPerSecond());
        Account account = null;
        BundleServices services = null;
        try {
            Prepared ready = prepared.remove(bundle.getBundleId());
            if (ready == null || ready.lastModified() != bundle.getLastModified()) {
                ready = load(bundle);
            }
            Prepared plugin = ready.check();
            plugin.module().notes().forEach(scriptLog::warn);
            plugin.notes().forEach(scriptLog::warn);
            PluginSpec spec = plugin.spec();
            account = accounts.open(name, LANGUAGE, spec.fuel().perTick());
            services = new BundleServices(bundle);
            WasmPlugin running = WasmPlugin.start(spec, plugin.module(), services, new LogAdapter(scriptLog),
                    gameThread::currentTick, account, watchdog, fatalFor(bundle, name, scriptLog));
            var resource = new WasmResource(name, running, account, scriptLog, services, List.of(
                    registerRetained(name, bundle, running, spec, scriptLog), registerReloadHooks(name, bundle, running)));
            support.cleared(bundle);
            String runs = spec.file() + " runs " + plugin.module().mode().name().toLowerCase(Locale.ROOT) + " ("
                    + spec.abi().title() + ", loaded in " + plugin.module().loadMillis() + " ms)";
            if (plugin.module().mode() == ExecutionMode.COMPILED) {
                log.debug("{}: {}", name, runs); // the usual case: no line (nor log file) in the resource's log
            } else {
                scriptLog.info(runs);
            }
            return resource;
        } catch (RuntimeException | StackOverflowError e) {
            String message = HostSupport.message(name, e);
            scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + message);
            if (services != null) {
                services.close();
            }
            if (account != null) {
                account.close();
            }
            scriptLog.close();
            support.failStart(bundle, name, message);
            return null;
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, WasmResource resource) {
        // Nothing to do while the bundle stays active.
    }

    @Override
    public void removedBundle(Bundle bundle, @Nullable BundleEvent event, WasmResource resource) {
        resource.stop();
    }

    /** Forgets what was prepared for a bundle that changed, and its module when it went away. */
    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.UPDATED, BundleEvent.UNRESOLVED -> prepared.remove(event.getBundle().getBundleId());
            case BundleEvent.UNINSTALLED -> {
                prepared.remove(event.getBundle().getBundleId());
                String name = names.remove(event.getBundle().getBundleId());
                if (name != null) {
                    modules.forget(name);
                }
            }
            default -> { }
        }
    }

    /**
     * Compiles the next content of a WebAssembly resource before a hot reload, while its running version serves: the
     * start that swaps it in finds the module compiled ({@link ModuleCache}). A module that does not assemble, parse,
     * validate or fit its memory limit refuses the reload, naming the file (and, in the text format, the line and
     * column).
     */
    @Override
    public void prepare(ResourceDescriptor next, ResourceContent content) {
        if (next.language() != Language.WASM) {
            return;
        }
        String name = next.name();
        Prepared ready = load(0, name, Optional.of(next), file -> {
            try {
                return content.read(file).orElseThrow(() -> new IllegalStateException(name + ": " + file
                        + ": no such file in the resource"));
            } catch (IOException e) {
                throw new IllegalStateException(name + ": " + file + ": cannot be read: " + e.getMessage(), e);
            }
        });
        try {
            ready.check();
        } catch (RuntimeException | StackOverflowError e) {
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name, HostSupport.message(name, e), e);
        }
    }

    /** Loads a resource bundle's module, as it is about to start. */
    private Prepared load(Bundle bundle) {
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        String name = descriptor.map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
        descriptor.ifPresent(d -> names.put(bundle.getBundleId(), d.name()));
        return load(bundle.getLastModified(), name, descriptor, file -> read(bundle, name, file));
    }

    /**
     * Loads a resource's module: reads its manifest and its module file, then assembles, parses, meters and compiles
     * it, unless the same content was loaded last. What fails is kept as the failure of the start to come.
     */
    private Prepared load(long lastModified, String name, Optional<ResourceDescriptor> descriptor,
            Function<String, byte[]> files) {
        try {
            WasmSettings settings = settings();
            PluginManifest manifest = PluginManifest.read(descriptor.orElseThrow(() -> new IllegalStateException(
                    name + " is not a resource deployed from resources/")), sandbox, settings);
            byte[] content = files.apply(manifest.file());
            PreparedModule module = modules.get(name, manifest.file(), content, manifest.maxPages(),
                    settings.compiled(), () -> new ModuleLoader(settings.compiled(), assembler(), progress)
                            .load(name, manifest.file(), content, manifest.maxPages()));
            String prefix = name + ": " + manifest.file();
            AbiKind abi = AbiKind.detect(prefix, manifest.abi(), manifest.releasedManifest(), module.module());
            var spec = new PluginSpec(name, manifest.file(), abi, manifest.grants(), manifest.fuel(),
                    manifest.maxPages(), manifest.resolved().limits());
            return new Prepared(lastModified, spec, module, manifest.resolved().notes(), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Prepared(lastModified, null, null, List.of(), e);
        }
    }

    private static byte[] read(Bundle bundle, String name, String file) {
        URL entry = bundle.getEntry(file);
        if (entry == null) {
            throw new IllegalStateException(name + ": " + file + ": no such file in the resource");
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** wat2wasm, loaded the first time a plugin's module is text. */
    private WatAssembler assembler() {
        WatAssembler current = assembler;
        if (current == null) {
            current = WatAssembler.load();
            assembler = current;
        }
        return current;
    }

    /**
     * What the resource's memory thread measures: the plugin's linear memory and Extism kernel memory; when it keeps
     * too much (or the most, while the heap runs out), the plugin is stopped.
     */
    private ServiceRegistration<RetainedMemory> registerRetained(String name, Bundle bundle,
            WasmPlugin plugin, PluginSpec spec, ScriptLog scriptLog) {
        var properties = new Hashtable<String, Object>();
        properties.put(RetainedMemory.RESOURCE, name);
        return context.registerService(RetainedMemory.class, new RetainedMemory() {
            @Override
            public String resource() {
                return name;
            }

            @Override
            public long limitBytes() {
                return spec.sandbox().maxRetainedBytes();
            }

            @Override
            public long measure() {
                return plugin.retainedBytes();
            }

            @Override
            public void stop(String message) {
                plugin.guest().close();
                scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + message);
                support.stopLater(bundle, name, message, () -> isRunning(bundle, plugin));
            }
        }, properties);
    }

    /** The plugin's reload hooks, registered through its own bundle's context, as the resource manager finds them. */
    private static ServiceRegistration<ReloadHooks> registerReloadHooks(String name, Bundle bundle, WasmPlugin plugin) {
        var properties = new Hashtable<String, Object>();
        properties.put("plinth.resource", name);
        return bundle.getBundleContext().registerService(ReloadHooks.class, new WasmReloadHooks(name, plugin),
                properties);
    }

    /** What happens when a plugin must be stopped for its offences: fail and stop its bundle, from another thread. */
    private Consumer<PluginException> fatalFor(Bundle bundle, String name, ScriptLog scriptLog) {
        return exception -> {
            String message = name + " stopped for breaking its limits: " + exception.getMessage();
            scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + message);
            support.stopLater(bundle, name, message, () -> {
                BundleTracker<WasmResource> running = tracker;
                WasmResource resource = running == null ? null : running.getObject(bundle);
                return resource != null && resource.plugin().guest().isClosed();
            });
        };
    }

    private boolean isRunning(Bundle bundle, WasmPlugin plugin) {
        BundleTracker<WasmResource> running = tracker;
        WasmResource resource = running == null ? null : running.getObject(bundle);
        return resource != null && resource.plugin() == plugin;
    }

    /** The WebAssembly settings, read again at each start: {@code conf/server.json} may have changed. */
    private WasmSettings settings() {
        try {
            return WasmSettings.parse(sandbox.section(LANGUAGE), SERVER_JSON);
        } catch (IllegalArgumentException e) {
            log.error("{}; the WebAssembly host uses its defaults", e.getMessage());
            return WasmSettings.DEFAULTS;
        }
    }

    /**
     * A module loaded for a bundle's start, or why it could not be.
     *
     * @param lastModified the bundle's last modification when it was loaded: a later one needs another load
     * @param spec what the plugin is
     * @param module its module
     * @param notes what the sandbox capped in its manifest
     * @param failure why it could not be loaded
     */
    private record Prepared(long lastModified, @Nullable PluginSpec spec, @Nullable PreparedModule module,
            List<String> notes, @Nullable Throwable failure) {

        /** {@return this, when it loaded} */
        Prepared check() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return this;
        }
    }
}

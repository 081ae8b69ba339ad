package dev.plinth.lang.lua.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.runtime.host.HostPreparation;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.host.ServerTicks;
import dev.plinth.core.sandbox.limits.DeclaredLimits;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.PreparedChunks;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.BoundedCompiler;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import dev.plinth.lang.lua.internal.reload.CompiledChunks;
import dev.plinth.lang.lua.internal.reload.LuaPreparation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
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
 * The Lua host: an extender that runs the started bundles requiring {@code osgi.extender=plinth.lua} (and wired to
 * this bundle). A bundle becoming active runs its server scripts and {@code on_enable}; a bundle stopping gets
 * {@code on_disable} and loses its state. The sandbox (core.sandbox) gives each resource its limits, grants, account
 * and wall-clock watch, and does what every host repeats ({@link HostSupport}).
 *
 * <p>A resource that fails while starting (a script error, a broken limit, an invalid {@code [resources]} or
 * {@code [permissions]}, any failure of the host) has its bundle stopped again before {@code Bundle.start} returns,
 * with a {@code HostFailure} naming the failure, so the resource manager fails the start with
 * {@code ERR_SCRIPT_EXECUTION} and shows the resource in {@code error}. A resource that breaks its limits for good
 * later is failed the same way, and stopped from the sandbox's stopper thread.
 *
 * <p>Threads: the tracker calls back on the thread that starts or stops a bundle, synchronously.
 */
@Component(service = {}, immediate = true)
public final class LuaExtender implements BundleTrackerCustomizer<LuaResource> {

    /** The extender name resource bundles require. */
    public static final String EXTENDER = "plinth.lua";
    private static final String LANGUAGE = "lua";

    private final BundleContext context;
    private final ResourceService resources;
    private final HostSupport support;
    private final SandboxSettings sandbox;
    private final Watchdog watchdog;
    private final Accounts accounts;
    private final LoadedFiles loaded;
    private final Logger log;
    private final Optional<CompiledChunks> chunks;
    private final ChunkCompiler compiler;
    private final PreparedChunks prepared;
    private volatile @Nullable ServiceRegistration<ReloadPreparation> preparation;
    private volatile @Nullable ServiceRegistration<HostPreparation> startPreparation;
    private final ExecutorService compilerThreads =
            Executors.newCachedThreadPool(Thread.ofPlatform().name(BoundedCompiler.THREAD, 1).daemon().factory());
    private volatile @Nullable BundleTracker<LuaResource> tracker;

    /**
     * Creates the host; {@link #open()} starts tracking.
     *
     * @param context the host bundle's context
     * @param resources the resource manager, for the resources' descriptors
     * @param support the sandbox's scaffolding for this host
     * @param sandbox the sandbox settings ({@code conf/server.json})
     * @param watchdog the wall-clock watchdog
     * @param accounts the resources' accounts
     * @param loggers the log service
     * @param loaded told which files the resources' scripts load, so that an edit to one reloads its resource
     */
    @Activate
    public LuaExtender(BundleContext context, @Reference ResourceService resources, @Reference HostSupport support,
            @Reference SandboxSettings sandbox, @Reference Watchdog watchdog, @Reference Accounts accounts,
            @Reference LoggerFactory loggers, @Reference LoadedFiles loaded) {
        this.context = context;
        this.loaded = loaded;
        this.resources = resources;
        this.support = support;
        this.sandbox = sandbox;
        this.watchdog = watchdog;
        this.accounts = accounts;
        this.log = loggers.getLogger(LuaExtender.class);
        HostSettings settings = settings();
        this.chunks = settings.compiled() ? Optional.of(new CompiledChunks(new LuaJcCompiler(), luajc ->
                new BoundedCompiler(luajc, compilerThreads, settings.maxCompiledFunctionSize(), settings.compileTimeout())))
                : Optional.empty();
        this.compiler = chunks.<ChunkCompiler>map(compiled -> compiled.orElse(ChunkCompiler.INTERPRETER,
                (resource, file, cause) -> log.warn("{}: {} runs interpreted: {}", resource, file, cause.getMessage())))
                .orElse(ChunkCompiler.INTERPRETER);
        this.prepared = chunks.<PreparedChunks>map(compiled -> compiled).orElse(PreparedChunks.NONE);
    }

    /** Tracks the resource bundles, starting those already active. */
    @Activate
    void open() {
        HostSettings settings = settings();
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
        preparation = context.registerService(ReloadPreparation.class, new LuaPreparation(chunks), null);
        startPreparation = chunks.map(compiled -> context.registerService(HostPreparation.class,
                new LuaStartPreparation(support, resources, compiled), null)).orElse(null);
        log.info("Lua host ready: {} mode, {} instructions per call, {} per tick, {} ms per call",
                settings.compiled() ? "LuaJC" : "interpreter", settings.limits().instructionsPerCall(),
                settings.limits().instructionsPerTick(), settings.limits().sandbox().callTimeout().toMillis());
    }

    /** Stops every Lua resource's state and the compiler threads. */
    @Deactivate
    void close() {
        for (ServiceRegistration<?> registered : Arrays.asList(preparation, startPreparation)) {
            if (registered != null) {
                registered.unregister();
            }
        }
        BundleTracker<LuaResource> running = tracker;
        if (running != null) {
            running.close();
        }
        compilerThreads.shutdownNow();
    }

    @Override
    public @Nullable LuaResource addingBundle(Bundle bundle, @Nullable BundleEvent event) {
        if (!support.serves(bundle, EXTENDER)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        String name = descriptor.map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
        String manifest = descriptor.map(ResourceDescriptor::manifestPath).orElse("its manifest");
        ScriptLog scriptLog = support.log(bundle, name, LANGUAGE, sandbox.defaults().logLinesPerSecond());
        Account account = null;
        try {
            List<String> scripts = descriptor.map(ResourceDescriptor::serverScripts).orElse(List.of("main.lua"));
            if (scripts.isEmpty()) {
                throw new IllegalStateException(name + ": the manifest names no server script (main)");
            }
            ResolvedLimits resolved = sandbox.resolve(name, manifest, descriptor.map(ResourceDescriptor::limits)
                    .map(limits -> new DeclaredLimits(limits.maxMemoryMb(), limits.maxFuelPerTick()))
                    .orElse(DeclaredLimits.NONE));
            resolved.notes().forEach(scriptLog::warn);
            Limits limits = settings().limitsFor(resolved);
            Grants grants = Grants.of(name, manifest, descriptor.flatMap(ResourceDescriptor::permissionsSection));
            account = accounts.open(name, LANGUAGE, limits.instructionsPerTick());
            var setup = new LuaResource.Setup(name, bundle, scripts, limits, grants, account, watchdog, compiler,
                    prepared, scriptLog, new ServerTicks(bundle), loaded);
            var resource = LuaResource.start(setup, exception -> stopForLimits(bundle, name, scriptLog, exception));
            resource.measureMemory(context);
            support.cleared(bundle);
            return resource;
        } catch (RuntimeException | StackOverflowError e) {
            String message = e instanceof ScriptException s ? s.getMessage() : HostSupport.message(name, e);
            scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + (e instanceof ScriptException s ? s.report() : message));
            if (account != null) {
                account.close();
            }
            scriptLog.close();
            support.failStart(bundle, name, message);
            return null;
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, LuaResource resource) {
        // Nothing to do while the bundle stays active.
    }

    @Override
    public void removedBundle(Bundle bundle, @Nullable BundleEvent event, LuaResource resource) {
        // A disable hook interrupted at its bound leaves the resource in error: the resource manager reads the
        // failure once the bundle has stopped.
        resource.stop().ifPresent(failure -> support.failed(bundle, resource.script().resource(), failure));
    }

    /** The Lua settings, read again at each start: {@code conf/server.json} may have changed. */
    private HostSettings settings() {
        return HostSettings.read(sandbox, log::error);
    }

    /**
     * Called once the resource broke its limits for good (on the thread of the failing call, or the watchdog's):
     * a resource that broke them while starting is failed by {@link #addingBundle}; one that runs is failed and
     * stopped from the sandbox's stopper thread.
     */
    private void stopForLimits(Bundle bundle, String name, ScriptLog scriptLog, ScriptLimitException exception) {
        scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + name + " stopped for breaking its limits: " + exception.report());
        support.stopLater(bundle, name, name + " stopped for breaking its limits: " + exception.getMessage(), () -> {
            BundleTracker<LuaResource> running = tracker;
            LuaResource resource = running == null ? null : running.getObject(bundle);
            return resource != null && resource.script().isClosed();
        });
    }

}

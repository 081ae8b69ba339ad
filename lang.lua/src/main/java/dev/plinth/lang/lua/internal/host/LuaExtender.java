package dev.plinth.lang.lua.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The Lua host: an extender that runs the started bundles requiring {@code osgi.extender=plinth.lua} (and wired to
 * this bundle). A bundle becoming active runs its server scripts and {@code on_enable}; a bundle stopping gets
 * {@code on_disable} and loses its state.
 *
 * <p>A script that fails while starting has its bundle stopped again before {@code Bundle.start} returns, and a
 * {@link dev.plinth.core.runtime.host.HostFailure} service names the failure so the resource manager fails the
 * start with {@code ERR_SCRIPT_EXECUTION} and shows the resource in {@code error}. A resource that breaks its limits
 * for good is failed the same way, and stopped, from the host's own thread ({@code plinth-lua-stopper}).
 *
 * <p>Threads: the tracker calls back on the thread that starts or stops a bundle, synchronously.
 */
@Component(service = {}, immediate = true)
public final class LuaExtender implements BundleTrackerCustomizer<LuaResource> {

    /** The extender name resource bundles require. */
    public static final String EXTENDER = "plinth.lua";
    private static final String EXTENDER_NAMESPACE = "osgi.extender";
    private static final String HOME = "plinth.home";
    private static final String SCRIPT_LOGGER = "lua";

    private final BundleContext context;
    private final ResourceService resources;
    private final LoggerFactory loggers;
    private final LoggerAdmin loggerAdmin;
    private final Logger log;
    private final HostSettings settings;
    private final ChunkCompiler compiler;
    private final HostFailures failures;
    private volatile @Nullable BundleTracker<LuaResource> tracker;
    private volatile @Nullable ExecutorService stopper;

    /**
     * Creates the host; {@link #open()} starts tracking.
     *
     * @param context the host bundle's context
     * @param resources the resource manager, for the resources' descriptors
     * @param loggers the log service
     * @param loggerAdmin the log service's levels: a resource's {@code print} and {@code mc.log.info} are shown at
     *     INFO whatever the default level is
     */
    @Activate
    public LuaExtender(BundleContext context, @Reference ResourceService resources,
            @Reference LoggerFactory loggers, @Reference LoggerAdmin loggerAdmin) {
        this.context = context;
        this.loggerAdmin = loggerAdmin;
        this.resources = resources;
        this.loggers = loggers;
        this.log = loggers.getLogger(LuaExtender.class);
        this.settings = settings(context, log);
        this.compiler = settings.compiled()
                ? new LuaJcCompiler().orElse(ChunkCompiler.INTERPRETER, (resource, file, cause) ->
                        log.warn("{}: {} runs interpreted, LuaJC cannot compile it: {}", resource, file, cause.toString()))
                : ChunkCompiler.INTERPRETER;
        this.failures = new HostFailures(context);
    }

    /** Starts the host's thread and tracks the resource bundles, starting those already active. */
    @Activate
    void open() {
        stopper = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("plinth-lua-stopper").daemon().factory());
        failures.open();
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
        log.info("Lua host ready: {} mode, {} instructions per call, {} per tick, {} MB per call",
                settings.compiled() ? "LuaJC" : "interpreter", settings.limits().instructionsPerCall(),
                settings.limits().instructionsPerTick(), settings.limits().maxMemoryBytes() / (1024 * 1024));
    }

    /** Stops every Lua resource's state and the host's thread. */
    @Deactivate
    void close() throws InterruptedException {
        if (tracker != null) {
            tracker.close();
        }
        failures.close();
        if (stopper != null) {
            stopper.shutdown();
            stopper.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public @Nullable LuaResource addingBundle(Bundle bundle, @Nullable BundleEvent event) {
        if (!requiresThisHost(bundle)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        String name = descriptor.map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
        List<String> scripts = descriptor.map(ResourceDescriptor::serverScripts).orElse(List.of("main.lua"));
        ResourceLimits declared = descriptor.map(ResourceDescriptor::limits).orElse(ResourceLimits.NONE);
        Logger logger = scriptLogger(bundle);
        try {
            if (scripts.isEmpty()) {
                throw new IllegalStateException(name + ": the manifest names no server script (main)");
            }
            var resource = LuaResource.start(name, bundle, scripts, settings.limitsFor(declared), compiler, logger,
                    new ServerTicks(bundle), exception -> stopForLimits(bundle, name, exception));
            failures.clear(bundle);
            return resource;
        } catch (ScriptException | IllegalStateException e) {
            logger.error("ERR_SCRIPT_EXECUTION: {}", e instanceof ScriptException s ? s.report() : e.getMessage());
            failures.record(bundle, name, Objects.requireNonNullElse(e.getMessage(), name + ": " + e));
            stop(bundle, name);
            return null;
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, LuaResource resource) {
        // Nothing to do while the bundle stays active.
    }

    @Override
    public void removedBundle(Bundle bundle, @Nullable BundleEvent event, LuaResource resource) {
        resource.stop();
    }

    /** The logger of a resource's script, {@value #SCRIPT_LOGGER}, showing INFO and above. */
    private Logger scriptLogger(Bundle bundle) {
        LoggerContext levels = loggerAdmin.getLoggerContext(bundle.getSymbolicName());
        var configured = new HashMap<>(levels.getLogLevels());
        if (configured.putIfAbsent(SCRIPT_LOGGER, LogLevel.INFO) == null) {
            levels.setLogLevels(configured);
        }
        return loggers.getLogger(bundle, SCRIPT_LOGGER, Logger.class);
    }

    /**
     * Called on the thread whose call broke the limit, once its script is closed. A resource that broke it while
     * starting is failed by {@link #addingBundle}; one that runs is failed and stopped on the host's thread.
     */
    private void stopForLimits(Bundle bundle, String name, ScriptLimitException exception) {
        loggers.getLogger(bundle, SCRIPT_LOGGER, Logger.class).error("ERR_SCRIPT_EXECUTION: {} stopped for breaking "
                + "its limits: {}", name, exception.report());
        ExecutorService thread = stopper;
        if (thread != null) {
            thread.execute(() -> {
                BundleTracker<LuaResource> running = tracker;
                LuaResource resource = running == null ? null : running.getObject(bundle);
                if (resource != null && resource.script().isClosed()) {
                    failures.record(bundle, name, name + " stopped for breaking its limits: " + exception.getMessage());
                    stop(bundle, name);
                }
            });
        }
    }

    private void stop(Bundle bundle, String name) {
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            log.error("could not stop the failed Lua resource {}: {}", name, e.toString());
        }
    }

    private boolean requiresThisHost(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(EXTENDER_NAMESPACE)) {
            if (EXTENDER.equals(wire.getCapability().getAttributes().get(EXTENDER_NAMESPACE))
                    && wire.getProvider().getBundle().equals(context.getBundle())) {
                return true;
            }
        }
        return false;
    }

    private static HostSettings settings(BundleContext context, Logger log) {
        String home = context.getProperty(HOME);
        if (home == null) {
            return HostSettings.DEFAULTS;
        }
        Path file = Path.of(home, "conf", "server.json");
        try {
            return HostSettings.read(file);
        } catch (IOException | IllegalArgumentException e) {
            log.error("{}: {}; the Lua host uses its defaults", file, e.getMessage());
            return HostSettings.DEFAULTS;
        }
    }
}

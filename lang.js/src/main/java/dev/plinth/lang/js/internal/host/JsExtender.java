package dev.plinth.lang.js.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.lang.js.BuiltinModule;
import dev.plinth.lang.js.JsModuleException;
import dev.plinth.lang.js.JsModuleHost;
import dev.plinth.lang.js.JsModuleRun;
import dev.plinth.lang.js.internal.engine.CallWatch;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsLimitException;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.lang.js.internal.staminal.SystemEventRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The JavaScript host: an extender that runs the started bundles requiring {@code osgi.extender=plinth.js} (and wired
 * to this bundle) on one shared GraalJS engine, one context per resource, and the {@link JsModuleHost} service other
 * hosts run JavaScript through.
 *
 * <p>A bundle becoming active runs its server modules and {@code onAttach}; a Staminal {@code bootstrap} mod gets
 * {@code onBootstrap} once every startup resource has started (the {@code plinth.resources.ready} condition), in
 * priority order, or at once when it starts later; a bundle stopping gets {@code onDetach} and loses its context. A
 * script that fails while starting has its bundle stopped again before {@code Bundle.start} returns, with a
 * {@link dev.plinth.core.runtime.host.HostFailure} naming the failure ({@code ERR_SCRIPT_EXECUTION}); a resource
 * that breaks its limits for good is failed and stopped from the host's own thread.
 *
 * <p>Threads: the tracker calls back on the thread that starts or stops a bundle, synchronously.
 */
@Component(service = JsModuleHost.class, immediate = true)
public final class JsExtender implements BundleTrackerCustomizer<JsResource>, JsModuleHost {

    /** The extender name resource bundles require. */
    public static final String EXTENDER = "plinth.js";
    private static final String HOME = "plinth.home";
    private static final String READY = "(&(objectClass=org.osgi.service.condition.Condition)"
            + "(osgi.condition.id=plinth.resources.ready))";

    private final BundleContext context;
    private final ResourceService resources;
    private final Logger log;
    private final HostSettings settings;
    private final InterimHostSupport support;
    private final SharedEngine engine;
    private final CallWatch watch = new CallWatch();
    private final SystemEventRegistry events = new SystemEventRegistry();
    private final Map<String, JsResource> started = new ConcurrentHashMap<>();
    private final Map<String, Long> startOrder = new ConcurrentHashMap<>();
    private final AtomicLong starts = new AtomicLong();
    private final ExecutorService worker =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("plinth-js-worker-", 0).daemon().factory());
    private volatile boolean ready;
    private volatile @Nullable BundleTracker<JsResource> tracker;
    private volatile @Nullable BundleTracker<Long> preparser;
    private volatile @Nullable ServiceTracker<Object, Object> readiness;

    /**
     * Creates the host and its engine; {@link #open()} starts tracking.
     *
     * @param context the host bundle's context
     * @param resources the resource manager, for the resources' descriptors
     * @param loggers the log service
     * @param loggerAdmin the log service's levels: a resource's {@code console.log} is shown at INFO
     */
    @Activate
    public JsExtender(BundleContext context, @Reference ResourceService resources, @Reference LoggerFactory loggers,
            @Reference LoggerAdmin loggerAdmin) {
        this.context = context;
        this.resources = resources;
        this.log = loggers.getLogger(JsExtender.class);
        this.settings = settings(context, log);
        this.support = new InterimHostSupport(context, loggers, loggerAdmin);
        this.engine = SharedEngine.create();
    }

    /** Starts the watchdog, tracks the resource bundles and says which mode GraalJS runs in. */
    @Activate
    void open() throws InvalidSyntaxException {
        watch.open();
        var shell = new Hashtable<String, Object>();
        shell.put("osgi.command.scope", "js");
        shell.put("osgi.command.function", new String[] {"info"});
        context.registerService(JsShell.class, new JsShell(this), shell);
        var parsing = new BundleTracker<Long>(context, Bundle.RESOLVED | Bundle.STARTING, null) {
            @Override
            public @Nullable Long addingBundle(Bundle bundle, @Nullable BundleEvent event) {
                return preparse(bundle);
            }
        };
        preparser = parsing;
        parsing.open();
        var tracked = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker = tracked;
        tracked.open();
        var conditions = new ServiceTracker<Object, Object>(context, context.createFilter(READY), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                ready = true;
                worker.execute(JsExtender.this::bootstrapPending);
                return reference;
            }
        };
        readiness = conditions;
        conditions.open();
        log.info("JavaScript host ready: GraalJS {}, {}; {} statements per tick, {} ms per call, {} MB per call",
                engine.version(), engine.mode(), settings.limits().statementsPerTick(),
                settings.limits().callTimeout().toMillis(), settings.limits().maxCallAllocationBytes() / (1024 * 1024));
    }

    /** Stops every JavaScript resource, the engine and the host's threads. */
    @Deactivate
    void close() {
        ServiceTracker<Object, Object> conditions = readiness;
        if (conditions != null) {
            conditions.close();
        }
        BundleTracker<Long> parsing = preparser;
        if (parsing != null) {
            parsing.close();
        }
        BundleTracker<JsResource> tracked = tracker;
        if (tracked != null) {
            tracked.close();
        }
        worker.shutdown();
        support.close();
        watch.close();
        engine.close();
    }

    /** {@return a line about the engine, for {@code js:info}} */
    String info() {
        return "GraalJS " + engine.version() + ", " + engine.mode() + "; " + started.size()
                + " JavaScript resources running: " + String.join(", ", started.keySet().stream().sorted().toList())
                + "; limits: " + settings.limits().statementsPerTick() + " statements per tick, "
                + settings.limits().callTimeout().toMillis() + " ms per call, "
                + settings.limits().maxCallAllocationBytes() / (1024 * 1024) + " MB allocated per call, "
                + settings.limits().maxOffences() + " offences";
    }

    @Override
    public @Nullable JsResource addingBundle(Bundle bundle, @Nullable BundleEvent event) {
        if (!support.serves(bundle, EXTENDER)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        String name = descriptor.map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
        Logger logger = support.log(bundle);
        try {
            if (descriptor.isEmpty()) {
                throw new IllegalStateException(name + ": the resource has no manifest Plinth can read");
            }
            List<String> modules = descriptor.get().serverScripts().stream()
                    .filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".js") || f.toLowerCase(Locale.ROOT).endsWith(".mjs"))
                    .toList();
            if (modules.isEmpty()) {
                throw new IllegalStateException(name + ": the manifest names no server JavaScript module (main)");
            }
            JsResource resource = JsResource.start(launch(name, bundle, descriptor.get(), modules, logger, Map.of(),
                    true));
            started.put(name, resource);
            startOrder.put(name, starts.incrementAndGet());
            if (ready && resource.awaitsBootstrap()) {
                resource.bootstrap();
            }
            support.cleared(bundle);
            return resource;
        } catch (JsException | IllegalStateException | IllegalArgumentException e) {
            JsResource failed = started.remove(name);
            if (failed != null) {
                failed.stop();
            }
            logger.error("ERR_SCRIPT_EXECUTION: {}", e instanceof JsException s ? s.report() : e.getMessage());
            support.failed(bundle, name, Objects.requireNonNullElse(e.getMessage(), name + ": " + e));
            stop(bundle, name);
            return null;
        }
    }

    /**
     * Parses a resolved JavaScript resource's server modules on a worker thread, before anything starts it: its start,
     * on the game thread, then evaluates already parsed code. Client files are left out.
     */
    private @Nullable Long preparse(Bundle bundle) {
        if (!support.serves(bundle, EXTENDER)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        if (descriptor.isEmpty()) {
            return null;
        }
        var paths = new java.util.LinkedHashSet<String>(descriptor.get().serverScripts());
        for (String pattern : List.of("*.js", "*.mjs")) {
            var entries = bundle.findEntries("/", pattern, true);
            while (entries != null && entries.hasMoreElements()) {
                String path = entries.nextElement().getPath().replaceFirst("^/", "");
                if (!path.startsWith("client/") && !descriptor.get().clientFiles().contains(path)) {
                    paths.add(path);
                }
            }
        }
        var files = new BundleModuleFiles(bundle);
        worker.execute(() -> engine.preparse(files, List.copyOf(paths)));
        return bundle.getLastModified();
    }

    @Override
    public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, JsResource resource) {
        // Nothing to do while the bundle stays active.
    }

    @Override
    public void removedBundle(Bundle bundle, @Nullable BundleEvent event, JsResource resource) {
        started.remove(resource.name(), resource);
        resource.stop();
    }

    @Override
    public JsModuleRun run(Bundle bundle, String resource, String entry, Map<String, BuiltinModule> builtins) {
        ResourceDescriptor descriptor = resources.descriptor(bundle).orElseThrow(() ->
                new JsModuleException(resource + ": the bundle has no manifest Plinth can read", new IllegalStateException()));
        var run = new ModuleRun(resource);
        var declared = new LinkedHashMap<String, JsResource.Builtin>();
        builtins.forEach((name, module) -> declared.put(name, new JsResource.Builtin(module.exportNames(),
                scope -> module.exports(run))));
        try {
            run.resource = JsResource.start(launch(resource, bundle, descriptor, List.of(entry), support.log(bundle),
                    declared, false));
            return run;
        } catch (JsException e) {
            throw new JsModuleException(e.getMessage(), e);
        }
    }

    private JsResource.Launch launch(String name, Bundle bundle, ResourceDescriptor descriptor, List<String> modules,
            Logger logger, Map<String, JsResource.Builtin> builtins, boolean hooks) {
        ResourceLimits declared = descriptor.limits();
        return new JsResource.Launch(name, bundle, descriptor, modules, settings.limitsFor(declared), engine, watch,
                logger, ticks(bundle), exception -> stopForLimits(bundle, name, exception), resources, events,
                mod -> started.containsKey(mod) && started.get(mod).bootstrapped(), worker, builtins, hooks);
    }

    /** Runs {@code onBootstrap} of the bootstrap mods that attached before startup finished, lower priority first. */
    private void bootstrapPending() {
        var pending = new ArrayList<>(started.values().stream().filter(JsResource::awaitsBootstrap).toList());
        pending.sort(Comparator.comparingInt(JsResource::priority)
                .thenComparingLong(r -> startOrder.getOrDefault(r.name(), 0L)));
        for (JsResource resource : pending) {
            try {
                resource.bootstrap();
            } catch (JsException e) {
                Bundle bundle = resource.scope().bundle();
                resource.scope().logger().error("ERR_SCRIPT_EXECUTION: {}", e.report());
                support.stopLater(bundle, resource.name(), Objects.requireNonNullElse(e.getMessage(), "onBootstrap"),
                        () -> started.get(resource.name()) == resource);
            }
        }
    }

    /** Called on the thread whose call broke the limit, once the context is closed. */
    private void stopForLimits(Bundle bundle, String name, JsLimitException exception) {
        support.log(bundle).error("ERR_SCRIPT_EXECUTION: {} stopped for breaking its limits: {}", name,
                exception.report());
        support.stopLater(bundle, name, name + " stopped for breaking its limits: " + exception.getMessage(), () -> {
            JsResource resource = started.get(name);
            return resource != null && resource.scope().script().isClosed();
        });
    }

    private void stop(Bundle bundle, String name) {
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            log.error("could not stop the failed JavaScript resource {}: {}", name, e.toString());
        }
    }

    /** The server's tick number, from the resource's own view of the server, looked up at the first call. */
    private static LongSupplier ticks(Bundle bundle) {
        var server = new Server[1];
        return () -> {
            if (server[0] == null) {
                BundleContext bundleContext = bundle.getBundleContext();
                ServiceReference<Server> reference =
                        bundleContext == null ? null : bundleContext.getServiceReference(Server.class);
                server[0] = reference == null ? null : bundleContext.getService(reference);
                if (server[0] == null) {
                    return 0;
                }
            }
            return server[0].tick();
        };
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
            log.error("{}: {}; the JavaScript host uses its defaults", file, e.getMessage());
            return HostSettings.DEFAULTS;
        }
    }

    /** A module run for another host. */
    private final class ModuleRun implements JsModuleRun {
        private final String name;
        private @Nullable JsResource resource;

        ModuleRun(String name) {
            this.name = name;
        }

        @Override
        public String resource() {
            return name;
        }

        @Override
        public org.graalvm.polyglot.Value exports() {
            return Objects.requireNonNull(resource, "not started").entry();
        }

        @Override
        public <T> T call(java.util.function.Function<org.graalvm.polyglot.Context, T> work) {
            try {
                return Objects.requireNonNull(resource, "not started").scope().script()
                        .call(dev.plinth.lang.js.internal.engine.Budget.CALL, work);
            } catch (JsException e) {
                throw new JsModuleException(e.getMessage(), e);
            }
        }

        @Override
        public boolean isClosed() {
            return resource == null || resource.scope().script().isClosed();
        }

        @Override
        public void close() {
            if (resource != null) {
                resource.stop();
            }
        }
    }
}

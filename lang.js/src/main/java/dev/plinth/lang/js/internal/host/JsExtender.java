package dev.plinth.lang.js.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.lang.js.BuiltinModule;
import dev.plinth.lang.js.JsModuleException;
import dev.plinth.lang.js.JsModuleHost;
import dev.plinth.lang.js.JsModuleRun;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.host.ServerTicks;
import dev.plinth.core.sandbox.limits.DeclaredLimits;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.memory.AllocationCounter;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.js.internal.engine.AllocationWatch;
import dev.plinth.lang.js.internal.engine.ContextReserve;
import dev.plinth.lang.js.internal.engine.JsLimits;
import dev.plinth.lang.js.internal.engine.JsRuntime;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsLimitException;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.lang.js.internal.staminal.SystemEventRegistry;
import dev.plinth.lang.js.internal.typescript.TranspileCache;
import dev.plinth.lang.js.internal.typescript.TypeScriptCompiler;
import dev.plinth.lang.js.internal.typescript.TypeScriptFiles;
import dev.plinth.lang.js.internal.typescript.TypeScriptLines;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.runtime.host.HostDetach;
import dev.plinth.core.runtime.host.HostPreparation;
import dev.plinth.core.runtime.host.PendingHook;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The JavaScript host: an extender that runs the started bundles requiring {@code osgi.extender=plinth.js} (and wired
 * to this bundle) on one shared GraalJS engine, one context per resource, and the {@link JsModuleHost} service other
 * hosts run JavaScript through.
 *
 * <p>A bundle becoming active runs its server modules and {@code onAttach}; an {@code onAttach} whose promise awaits
 * (a timer, say) is left to finish while the game thread ticks ({@link PendingHook}); a Staminal {@code bootstrap}
 * mod gets {@code onBootstrap} once every startup resource has started (the {@code plinth.resources.started}
 * condition: those whose start waited for the shell too), in priority order, or at once when it starts later, its
 * promise left to settle while the game thread ticks (it never holds a start, nor a hot reload's swap). A stop
 * through the resource manager runs {@code onDetach} first ({@link HostDetach}), and it too may await while the game
 * thread ticks; a bundle stopping loses its context (and gets {@code onDetach} then, when it was stopped by other
 * means). A script that fails while starting has its bundle stopped again before {@code Bundle.start} returns, with a
 * {@link dev.plinth.core.runtime.host.HostFailure} naming the failure ({@code ERR_SCRIPT_EXECUTION}); a resource
 * that breaks its limits for good is failed and stopped from the host's own thread. Before a start and before a hot
 * reload, off the game thread, the host compiles the resource's TypeScript and parses its modules
 * ({@link HostPreparation}, {@link ReloadPreparation}); TypeScript not compiled yet is long work, so a startup resource
 * with some starts once the shell is ready.
 *
 * <p>Threads: the tracker calls back on the thread that starts or stops a bundle, synchronously.
 */
@Component(service = JsModuleHost.class, immediate = true)
public final class JsExtender implements BundleTrackerCustomizer<JsResource>, JsModuleHost {

    /** The extender name resource bundles require. */
    public static final String EXTENDER = "plinth.js";
    private static final String READY = "(&(objectClass=org.osgi.service.condition.Condition)"
            + "(osgi.condition.id=plinth.resources.started))";

    private static final String LANGUAGE = "js";

    private final BundleContext context;
    private final ResourceService resources;
    private final LoadedFiles loaded;
    private final Logger log;
    private final HostSupport support;
    private final SandboxSettings sandbox;
    private final Accounts accounts;
    private final SharedEngine engine;
    /** Blank contexts made on a worker, so that a start (a reload's swap on the game thread) does not make its own. */
    private final ContextReserve contexts;
    private final AllocationWatch allocations = new AllocationWatch(AllocationCounter.platform());
    private final JsRuntime runtime;
    private final TypeScriptCompiler typescript;
    private final TranspileCache compiled;
    private final SystemEventRegistry events = new SystemEventRegistry();
    private final Map<String, JsResource> started = new ConcurrentHashMap<>();
    private final Map<String, Long> startOrder = new ConcurrentHashMap<>();
    private final AtomicLong starts = new AtomicLong();
    private final ExecutorService worker =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("plinth-js-worker-", 0).daemon().factory());
    private volatile boolean ready;
    private volatile boolean closing;
    private volatile @Nullable BundleTracker<JsResource> tracker;
    private volatile @Nullable BundleTracker<String> preparser;
    private volatile @Nullable ServiceTracker<Object, Object> readiness;
    private volatile @Nullable ServiceRegistration<ReloadPreparation> preparation;
    private volatile @Nullable ServiceRegistration<HostPreparation> startPreparation;
    private volatile @Nullable ServiceRegistration<HostDetach> stopHook;

    /**
     * Creates the host; its engine starts with the first JavaScript resource (or {@code js:info}), and {@link #open()}
     * starts tracking.
     *
     * @param context the host bundle's context
     * @param resources the resource manager, for the resources' descriptors
     * @param support the sandbox's scaffolding for this host
     * @param sandbox the sandbox settings ({@code conf/server.json})
     * @param watchdog the wall-clock watchdog
     * @param accounts the resources' accounts
     * @param loggers the log service
     * @param loaded told which files the resources' modules load, so that an edit to one reloads its resource
     */
    @Activate
    public JsExtender(BundleContext context, @Reference ResourceService resources, @Reference HostSupport support,
            @Reference SandboxSettings sandbox, @Reference Watchdog watchdog, @Reference Accounts accounts,
            @Reference LoggerFactory loggers, @Reference LoadedFiles loaded) {
        this.loaded = loaded;
        this.context = context;
        this.resources = resources;
        this.support = support;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.log = loggers.getLogger(JsExtender.class);
        this.engine = SharedEngine.create((started, millis) -> {
            log.info("JavaScript engine started in {} ms: GraalJS {}, {}; {}", millis, started.version(), started.mode(),
                    retainedMemory(started));
            started.jitRefusal().ifPresent(reason -> log.warn("this JVM cannot run the Graal JIT ({}); JavaScript runs "
                    + "in interpreter mode", reason));
        });
        this.contexts = ContextReserve.of(engine, worker, 1);
        this.runtime = new JsRuntime(engine, contexts, watchdog, allocations);
        this.typescript = new TypeScriptCompiler(engine);
        this.compiled = new TranspileCache(typescript, cacheFolder(context));
    }

    /** Where compiled TypeScript is kept across runs: {@code data/cache/typescript/} of the server's home. */
    private static Optional<Path> cacheFolder(BundleContext context) {
        String home = context.getProperty("plinth.home");
        if (home != null) {
            return Optional.of(Path.of(home, "data", "cache", "typescript"));
        }
        return Optional.ofNullable(context.getDataFile("typescript")).map(java.io.File::toPath);
    }

    /** Starts the watchdog, tracks the resource bundles and says which mode GraalJS runs in. */
    @Activate
    void open() throws InvalidSyntaxException {
        allocations.open();
        var shell = new Hashtable<String, Object>();
        shell.put("osgi.command.scope", "js");
        shell.put("osgi.command.function", new String[] {"info"});
        context.registerService(JsShell.class, new JsShell(this), shell);
        preparation = context.registerService(ReloadPreparation.class, new JsPreparation(engine, compiled,
                name -> Optional.ofNullable(started.get(name)).map(r -> loaded.loadedBy(r.scope().bundle()))
                        .orElse(Set.of())), null);
        startPreparation = context.registerService(HostPreparation.class, new HostPreparation() {
            @Override
            public void prepare(Bundle resource) {
                prepareStart(resource);
            }

            @Override
            public Optional<String> longWork(Bundle resource) {
                return typeScriptToCompile(resource);
            }
        }, null);
        stopHook = context.registerService(HostDetach.class, this::detach, null);
        var parsing = new BundleTracker<String>(context, Bundle.RESOLVED | Bundle.STARTING, null) {
            @Override
            public @Nullable String addingBundle(Bundle bundle, @Nullable BundleEvent event) {
                return preparse(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, @Nullable BundleEvent event, String name) {
                if (bundle.getState() == Bundle.UNINSTALLED) {
                    engine.started(name); // removed: nothing will start it again
                }
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
        log.info("JavaScript host ready: GraalJS {} (the engine starts with the first JavaScript resource); {} "
                + "statements per call, {} per tick, {} ms per call, {} MB allocated per call", engine.version(),
                settings().statementsPerCall(), settings().statementsPerTick(),
                sandbox.defaults().callTimeout().toMillis(), sandbox.defaults().maxCallAllocBytes() / (1024 * 1024));
    }

    /** Stops every JavaScript resource, the engine and the host's threads. */
    @Deactivate
    void close() throws InterruptedException {
        closing = true;
        for (ServiceRegistration<?> registered : java.util.Arrays.asList(preparation, startPreparation,
                stopHook)) {
            if (registered != null) {
                try {
                    registered.unregister();
                } catch (IllegalStateException e) {
                    // gone with the bundle
                }
            }
        }
        ServiceTracker<Object, Object> conditions = readiness;
        if (conditions != null) {
            conditions.close();
        }
        BundleTracker<String> parsing = preparser;
        if (parsing != null) {
            parsing.close();
        }
        BundleTracker<JsResource> tracked = tracker;
        if (tracked != null) {
            tracked.close();
        }
        // Pre-parsing and blank contexts must be gone before the engine closes: closing it waits for their threads.
        contexts.close();
        worker.shutdown();
        if (!worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
            log.warn("JavaScript workers still busy after 30 s; the engine is closed anyway");
        }
        allocations.close();
        typescript.close();
        engine.close();
    }

    /** {@return a line about the engine, for {@code js:info}} */
    String info() {
        var defaults = sandbox.defaults();
        return "GraalJS " + engine.version() + ", " + engine.mode() + ", TypeScript " + typescript.version() + " ("
                + compiled.compilations() + " modules compiled), " + engine.parses()
                + " modules parsed ahead of their start; " + started.size()
                + " JavaScript resources running: " + String.join(", ", started.keySet().stream().sorted().toList())
                + "; limits: " + settings().statementsPerCall() + " statements per call, "
                + settings().statementsPerTick() + " per tick, "
                + defaults.callTimeout().toMillis() + " ms per call, "
                + defaults.maxCallAllocBytes() / (1024 * 1024) + " MB allocated per call, "
                + defaults.maxOffences() + " offences, " + retainedMemory(engine);
    }

    /** {@return whether {@code max_memory_mb} holds for JavaScript resources in this mode, as the host says it} */
    private String retainedMemory(SharedEngine started) {
        return started.measuresHeap()
                ? sandbox.defaults().maxRetainedBytes() / (1024 * 1024) + " MB kept (max_memory_mb)"
                : "what a resource keeps is not measured in interpreter mode (max_memory_mb needs the Graal JIT; "
                        + "the server's heap guard still applies)";
    }

    @Override
    public @Nullable JsResource addingBundle(Bundle bundle, @Nullable BundleEvent event) {
        if (!support.serves(bundle, EXTENDER)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        String name = descriptor.map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
        String manifest = descriptor.map(ResourceDescriptor::manifestPath).orElse("its manifest");
        ScriptLog scriptLog = support.log(bundle, name, LANGUAGE, sandbox.defaults().logLinesPerSecond());
        Account account = null;
        try {
            if (descriptor.isEmpty()) {
                throw new IllegalStateException(name + ": the resource has no manifest Plinth can read");
            }
            List<String> modules = descriptor.get().serverScripts().stream().filter(JsExtender::isModule).toList();
            if (modules.isEmpty()) {
                throw new IllegalStateException(name + ": the manifest names no server JavaScript module (main)");
            }
            ResolvedLimits resolved = sandbox.resolve(name, manifest, declared(descriptor.get()));
            resolved.notes().forEach(scriptLog::warn);
            JsLimits limits = settings().limitsFor(resolved);
            Grants grants = Grants.of(name, manifest, descriptor.get().permissionsSection());
            account = accounts.open(name, LANGUAGE, limits.statementsPerTick());
            compileTypeScript(name, bundle, descriptor.get());
            JsResource resource = JsResource.start(launch(name, bundle, descriptor.get(), modules, limits, account,
                    scriptLog, grants, Map.of(), true, () -> {
                        JsResource current = started.get(name);
                        return current != null && current.scope().script().isClosed();
                    }));
            started.put(name, resource);
            startOrder.put(name, starts.incrementAndGet());
            if (engine.measuresHeap()) {
                resource.measureMemory(context, engine);
            }
            Optional<CompletableFuture<Void>> attaching = resource.pendingAttach();
            if (attaching.isPresent()) {
                leavePending(bundle, resource, attaching.get());
            } else {
                attached(bundle, resource);
            }
            return resource;
        } catch (RuntimeException | StackOverflowError e) {
            JsResource failed = started.remove(name);
            if (failed != null) {
                failed.stop();
            }
            String message = e instanceof JsException s ? s.getMessage() : HostSupport.message(name, e);
            scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + (e instanceof JsException s ? s.report() : message));
            if (account != null) {
                account.close();
            }
            scriptLog.close();
            support.failStart(bundle, name, message);
            return null;
        } finally {
            engine.started(name);
        }
    }

    /**
     * Parses a resolved JavaScript resource's server modules on a worker thread, before anything starts it: its start,
     * on the game thread, then evaluates already parsed code. Client files are left out. A hot reload's new content
     * was parsed by its preparation, which the engine holds until the start ({@link SharedEngine#parsedFor}), through
     * the running version's stop: it is not parsed again, nor is the content that just stopped, on a worker competing
     * with the swap for the processor. The tracked object is the resource name, whose held parse goes when its bundle
     * is uninstalled.
     */
    private @Nullable String preparse(Bundle bundle) {
        if (!support.serves(bundle, EXTENDER)) {
            return null;
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        if (descriptor.isEmpty()) {
            return null;
        }
        String name = descriptor.get().name();
        long modified = bundle.getLastModified();
        if (engine.parsedFor(name)) {
            return name; // a hot reload's preparation parsed this content: its start finds it parsed
        }
        List<String> paths = StartModules.server(bundle, descriptor.get());
        var lines = new TypeScriptLines();
        var files = new TypeScriptFiles(name, new BundleModuleFiles(bundle), compiled, path -> path, lines);
        worker.execute(() -> {
            if (closing) {
                return;
            }
            try {
                engine.parse(name, files, paths, lines); // what fails is reported by the start
                if (bundle.getState() == Bundle.UNINSTALLED) {
                    engine.started(name); // removed while it was parsed
                }
            } catch (RuntimeException e) {
                if (bundle.getState() != Bundle.UNINSTALLED && bundle.getLastModified() == modified) {
                    throw e;
                }
                // updated or removed before the worker came to it (a reload): its old content is gone, and the start
                // of the new content parses what it runs
            }
        });
        return name;
    }

    /**
     * Prepares a JavaScript resource's start ({@link HostPreparation}), on the thread that asked for it, never the
     * game thread: its TypeScript compiled and its modules parsed, so that the start evaluates parsed code; with them
     * the TypeScript under a client pattern that its TypeScript imports ({@link StartModules}). What does not compile
     * or parse is reported by the start.
     */
    private void prepareStart(Bundle bundle) {
        if (closing || !support.serves(bundle, EXTENDER)) {
            return;
        }
        resources.descriptor(bundle).ifPresent(descriptor -> {
            var lines = new TypeScriptLines();
            var files = new TypeScriptFiles(descriptor.name(), new BundleModuleFiles(bundle), compiled, path -> path,
                    lines);
            List<String> modules = StartModules.withImportedClientTypeScript(bundle, descriptor,
                    (path, source) -> Optional.of(compiled.transpile(descriptor.name(), path, source)));
            engine.parse(descriptor.name(), files, modules, lines);
            contexts.expect(); // its start, on the game thread, takes a context made on a worker meanwhile
        });
    }

    /**
     * Compiling TypeScript that is not compiled yet (in memory or in {@code data/cache/typescript/}) is long work: the
     * compiler is loaded first. Reads the modules, compiles nothing.
     */
    private Optional<String> typeScriptToCompile(Bundle bundle) {
        if (closing || !support.serves(bundle, EXTENDER)) {
            return Optional.empty();
        }
        Optional<ResourceDescriptor> descriptor = resources.descriptor(bundle);
        if (descriptor.isEmpty()) {
            return Optional.empty();
        }
        var files = new BundleModuleFiles(bundle);
        long toCompile = 0;
        for (String path : StartModules.withImportedClientTypeScript(bundle, descriptor.get(), compiled::find)) {
            if (TypeScriptFiles.isTypeScript(path)) {
                try {
                    Optional<byte[]> source = files.read(path);
                    if (source.isPresent() && !compiled.isKept(path, source.get())) {
                        toCompile++;
                    }
                } catch (IOException e) {
                    // the start reports it
                }
            }
        }
        return toCompile == 0 ? Optional.empty()
                : Optional.of("compiling " + toCompile + " TypeScript module(s), the compiler loaded first");
    }

    /**
     * Compiles a resource's TypeScript before its modules run, outside any call (whose wall-clock bound must not pay
     * for it): usually found compiled already, by the pre-parsing or a reload's preparation. A module that does not
     * compile is left for the start to report.
     */
    private void compileTypeScript(String name, Bundle bundle, ResourceDescriptor descriptor) {
        var files = new TypeScriptFiles(name, new BundleModuleFiles(bundle), compiled, path -> path,
                new TypeScriptLines());
        for (String path : StartModules.server(bundle, descriptor)) {
            if (TypeScriptFiles.isTypeScript(path)) {
                try {
                    files.read(path);
                } catch (IOException | JsException e) {
                    // reported by the start, with the file and the line
                }
            }
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, JsResource resource) {
        // Nothing to do while the bundle stays active.
    }

    @Override
    public void removedBundle(Bundle bundle, @Nullable BundleEvent event, JsResource resource) {
        started.remove(resource.name(), resource);
        resource.stop();
        resource.scope().script().account().close();
        resource.scope().log().close();
    }

    @Override
    public JsModuleRun run(Bundle bundle, String resource, String entry, Map<String, BuiltinModule> builtins) {
        ResourceDescriptor descriptor = resources.descriptor(bundle).orElseThrow(() ->
                new JsModuleException(resource + ": the bundle has no manifest Plinth can read", new IllegalStateException()));
        var run = new ModuleRun(resource);
        var declared = new LinkedHashMap<String, JsResource.Builtin>();
        builtins.forEach((name, module) -> declared.put(name, new JsResource.Builtin(module.exportNames(),
                scope -> module.exports(run.starting(scope.script())))));
        ScriptLog scriptLog = support.log(bundle, resource, LANGUAGE, sandbox.defaults().logLinesPerSecond());
        Account account = null;
        try {
            ResolvedLimits resolved = sandbox.resolve(resource, descriptor.manifestPath(), declared(descriptor));
            resolved.notes().forEach(scriptLog::warn);
            JsLimits limits = settings().limitsFor(resolved);
            account = accounts.open(resource, LANGUAGE, limits.statementsPerTick());
            run.resource = JsResource.start(launch(resource, bundle, descriptor, List.of(entry), limits, account,
                    scriptLog, Grants.of(resource, descriptor.manifestPath(), descriptor.permissionsSection()),
                    declared, false, run::startedAndClosed));
            return run;
        } catch (RuntimeException e) {
            if (account != null) {
                account.close();
            }
            scriptLog.close();
            throw new JsModuleException(e instanceof JsException s ? s.getMessage() : HostSupport.message(resource, e), e);
        }
    }

    /**
     * Runs {@code onDetach} of the resource a bundle runs, ahead of its stop ({@link HostDetach}), on the game thread.
     *
     * @return the hook while its promise is pending
     */
    private Optional<PendingHook> detach(Bundle bundle) {
        BundleTracker<JsResource> tracked = tracker;
        JsResource resource = tracked == null ? null : tracked.getObject(bundle);
        if (resource == null) {
            return Optional.empty();
        }
        return resource.detach().map(settled -> new JsPendingHook(resource.name(), bundle.getBundleId(), settled,
                resource::finishDetachHere));
    }

    /**
     * Ends a start once {@code onAttach} has finished: {@code onBootstrap} when startup is over (a promise it returns
     * settles while the server goes on, as at startup, and a failure then stops the mod), the reload hooks.
     *
     * @throws JsException when {@code onBootstrap} fails during its call: the start fails
     */
    private void attached(Bundle bundle, JsResource resource) {
        if (ready) {
            resource.beginBootstrap().ifPresent(settling -> settling.whenComplete((done, error) -> {
                if (error != null) {
                    bootstrapFailed(resource, JsResource.cause(error));
                }
            }));
        }
        resource.offerReloadHooks();
        support.cleared(bundle);
    }

    /** Reports a failed {@code onBootstrap} of a started mod and stops it, unless it stopped meanwhile. */
    private void bootstrapFailed(JsResource resource, Throwable failure) {
        String name = resource.name();
        if (started.get(name) != resource) {
            return;
        }
        String message = failure instanceof JsException s ? s.getMessage() : HostSupport.message(name, failure);
        resource.scope().log().fatal("ERR_SCRIPT_EXECUTION: " + (failure instanceof JsException s ? s.report()
                : message));
        support.stopLater(resource.scope().bundle(), name, Objects.requireNonNullElse(message, "onBootstrap"),
                () -> started.get(name) == resource);
    }

    /**
     * Leaves a start whose {@code onAttach} awaits to finish while the game thread goes on: registers it as a
     * {@link PendingHook}, whose end the resource manager waits for off the game thread; once {@code onAttach} has
     * settled, the rest of the start runs on a worker, then the registration goes. A failure is logged and fails the
     * start (the resource manager stops the bundle; when no transition waits for it, the host does).
     */
    private void leavePending(Bundle bundle, JsResource resource, CompletableFuture<Void> attaching) {
        String name = resource.name();
        var finished = new CompletableFuture<Void>();
        ServiceRegistration<PendingHook> registration = context.registerService(PendingHook.class,
                new JsPendingHook(name, bundle.getBundleId(), finished, resource::finishAttachHere), null);
        attaching.thenRunAsync(() -> attached(bundle, resource), worker).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = JsResource.cause(error);
                String message = cause instanceof JsException s ? s.getMessage() : HostSupport.message(name, cause);
                resource.scope().log().fatal("ERR_SCRIPT_EXECUTION: "
                        + (cause instanceof JsException s ? s.report() : message));
                support.stopLater(bundle, name, message, () -> started.get(name) == resource);
                finished.completeExceptionally(new IllegalStateException(message, cause));
            } else {
                finished.complete(null);
            }
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // gone with the host bundle
            }
        });
    }

    /**
     * What a start needs.
     *
     * @param closedForLimits whether the context that broke its limits is still the bundle's, closed (a later start
     *     of the same bundle must not be stopped for an earlier one's failure)
     */
    private JsResource.Launch launch(String name, Bundle bundle, ResourceDescriptor descriptor, List<String> modules,
            JsLimits limits, Account account, ScriptLog scriptLog, Grants grants,
            Map<String, JsResource.Builtin> builtins, boolean hooks, BooleanSupplier closedForLimits) {
        return new JsResource.Launch(name, bundle, descriptor, modules, limits, runtime, account, scriptLog, grants,
                new ServerTicks(bundle), exception -> stopForLimits(bundle, name, scriptLog, exception, closedForLimits),
                resources, events,
                mod -> started.containsKey(mod) && started.get(mod).bootstrapped(), worker, builtins, hooks, compiled,
                loaded);
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
                bootstrapFailed(resource, e);
            }
        }
    }

    /** Called on the thread whose call broke the limit, once the context is closed. */
    private void stopForLimits(Bundle bundle, String name, ScriptLog scriptLog, JsLimitException exception,
            BooleanSupplier closedForLimits) {
        scriptLog.fatal("ERR_SCRIPT_EXECUTION: " + name + " stopped for breaking its limits: " + exception.report());
        support.stopLater(bundle, name, name + " stopped for breaking its limits: " + exception.getMessage(),
                closedForLimits);
    }

    /** The JavaScript settings, read again at each start: {@code conf/server.json} may have changed. */
    private HostSettings settings() {
        return HostSettings.read(sandbox, log::error);
    }

    /** Whether a server script is a module this host runs: JavaScript, or TypeScript it compiles. */
    static boolean isModule(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".js") || lower.endsWith(".mjs") || TypeScriptFiles.isTypeScript(file);
    }

    private static DeclaredLimits declared(ResourceDescriptor descriptor) {
        ResourceLimits limits = descriptor.limits();
        return new DeclaredLimits(limits.maxMemoryMb(), limits.maxFuelPerTick());
    }

    /** A module run for another host. */
    private final class ModuleRun implements JsModuleRun {
        private final String name;
        /** The context while the module is evaluated (a built-in module is imported then), before it has started. */
        private volatile @Nullable JsScript starting;
        private volatile @Nullable JsResource resource;
        private final AtomicBoolean closed = new AtomicBoolean();

        ModuleRun(String name) {
            this.name = name;
        }

        /** {@return this run, calling into the context that evaluates its module until it has started} */
        ModuleRun starting(JsScript script) {
            starting = script;
            return this;
        }

        private JsScript script() {
            JsResource started = resource;
            if (started != null) {
                return started.scope().script();
            }
            return Objects.requireNonNull(starting, "not started");
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
                return script().call(dev.plinth.lang.js.internal.engine.Budget.CALL, work);
            } catch (JsException e) {
                throw new JsModuleException(e.getMessage(), e);
            }
        }

        /** {@return whether it had started and its context is closed (stopped for its limits, or closed)} */
        boolean startedAndClosed() {
            JsResource started = resource;
            return started != null && started.scope().script().isClosed();
        }

        @Override
        public boolean isClosed() {
            return resource == null || resource.scope().script().isClosed();
        }

        @Override
        public void close() {
            JsResource started = resource;
            if (started != null && !closed.getAndSet(true)) {
                started.stop();
                started.scope().script().account().close();
                started.scope().log().close();
            }
        }
    }
}

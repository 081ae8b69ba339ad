package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceStatistics;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.deploy.DeployLimits;
import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import dev.plinth.core.resource.internal.manifest.ResourceNames;
import dev.plinth.core.resource.internal.reload.ChangeBursts;
import dev.plinth.core.resource.internal.reload.ContextReplay;
import dev.plinth.core.resource.internal.reload.DevMode;
import dev.plinth.core.resource.internal.reload.ReloadFeedback;
import dev.plinth.core.resource.internal.reload.SourceWatcher;
import dev.plinth.core.resource.internal.runtime.GameThreadAdapter;
import dev.plinth.core.resource.internal.runtime.OwnLifecycleThread;
import dev.plinth.core.resource.internal.runtime.ServerThread;
import dev.plinth.core.resource.internal.settings.ResourceSettings;
import dev.plinth.core.resource.internal.settings.SettingsFile;
import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.condition.Condition;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * The resource manager: deploys the instance's {@code resources/} folder as bundles, starts the
 * {@code StartupResources} at boot ({@link BootStarts}), then registers the condition {@code plinth.resources.ready} (the console waits for
 * it); the startup resources whose start is long work for their host are {@code starting} meanwhile and start after
 * it ({@link DeferredStarts}), then the condition {@code plinth.resources.started} is registered; serves the
 * lifecycle operations of every {@link dev.plinth.core.resource.ResourceService} view; tracks the
 * {@link dev.plinth.core.runtime.host.HostFailure} services of the language hosts, so that a resource its host fails
 * is in {@code error}; and, when the framework stops, stops every resource in reverse dependency order before any
 * bundle stops.
 *
 * <p>Threads: {@code plinth-resource-deployer} scans the folder once a second; lifecycle operations run on their
 * caller's thread and apply each transition on the server thread; host failures arrive on the host's thread.
 * Thread-safe.
 */
@Component(service = ResourceManager.class, immediate = true)
public final class ResourceManager {

    /**
     * The id of the condition registered once the startup resources have started (or failed), but those whose start
     * waits until the shell is ready: the console waits for it.
     */
    public static final String READY_CONDITION = "plinth.resources.ready";
    /** The id of the condition registered once every startup resource has started (or failed), deferred ones too. */
    public static final String STARTED_CONDITION = "plinth.resources.started";
    /** The framework property naming the instance home. */
    public static final String HOME = "plinth.home";
    /** The framework property setting how often the resources folder is scanned, in milliseconds (default 1000). */
    public static final String SCAN_INTERVAL = "plinth.resources.scan.ms";
    private static final long DEFAULT_SCAN_INTERVAL_MS = 1000;
    private static final long SLOW_SCAN_MS = 5000;

    private final BundleContext context;
    private final Logger log;
    private final OwnLifecycleThread ownThread = new OwnLifecycleThread();
    private final Deployments deployments = new Deployments();
    private final TransitionLocks locks = new TransitionLocks();
    private final StateTable states = new StateTable(id -> deployments.byBundle(id).map(Deployment::name));
    private final ConfigAssets configAssets;
    private final MapPackages mapPackages = new MapPackages();
    private final LoadedFiles loaded;
    private SettingsFile settingsFile;
    private Lifecycle lifecycle;
    private HostFailures hostFailures;
    private PendingStarts pendingStarts;
    private StopHooks stopHooks;
    private HostPreparations preparations;
    private ReloadParticipants participants;
    private Deployer deployer;
    private ResourceInfos infos;
    private Diagnosis diagnosis;
    private ScheduledExecutorService scanner;
    private DevMode devMode;
    private Optional<Path> resourcesFolder = Optional.empty();
    private volatile @Nullable SourceWatcher watcher;
    private SynchronousBundleListener shutdownHook;
    private volatile ServiceRegistration<Condition> ready;
    private volatile ServiceRegistration<Condition> allStarted;
    private DeferredStarts deferred;

    // Optional and dynamic: resources run (and the shell works) without an event bus, a game thread or a server.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus eventBus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GameThread gameThread;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Server server;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Progress progress;

    /**
     * Creates the manager; nothing is scanned or started until activation.
     *
     * @param context the core.resource bundle's context
     * @param log where deployments, changes and failures are reported
     * @param loggerAdmin the log levels, to show the manager's INFO lines
     * @param sandbox the sandbox settings: the size quota of the config files a resource writes
     * @param loaded the files the resources' server sides loaded, which a change reloads even under a client pattern
     */
    @Activate
    public ResourceManager(BundleContext context, @Reference(service = LoggerFactory.class) Logger log,
            @Reference LoggerAdmin loggerAdmin, @Reference SandboxSettings sandbox, @Reference LoadedFiles loaded) {
        this.context = context;
        this.log = log;
        this.loaded = loaded;
        this.configAssets = new ConfigAssets(() -> sandbox.defaults().maxConfigBytes());
        showInfo(loggerAdmin.getLoggerContext(context.getBundle().getSymbolicName()));
    }

    /** Deployments and lifecycle changes are INFO: shown unless the bundle's logger context says otherwise. */
    private static void showInfo(LoggerContext levels) {
        if (levels.getLogLevels().isEmpty()) {
            levels.setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.INFO));
        }
    }

    @Activate
    void activate() {
        Optional<Path> home = Optional.ofNullable(context.getProperty(HOME)).map(Path::of);
        if (home.isEmpty()) {
            log.info("no instance home (framework property {}): no resources folder to deploy", HOME);
        }
        settingsFile = new SettingsFile(home.map(h -> h.resolve("conf").resolve("server.json")), log::error);
        var factory = new BundleFactory(context.getDataFile("bundles").toPath(), deployLimits(), log::warn);
        var events = new ResourceEvents(() -> Optional.ofNullable(eventBus));
        hostFailures = new HostFailures(context, failure -> lifecycle.hostFailed(failure));
        pendingStarts = new PendingStarts(context, states);
        stopHooks = new StopHooks(context, log);
        participants = new ReloadParticipants(context, log);
        preparations = new HostPreparations(context, log);
        Supplier<Optional<EventBus>> bus = () -> Optional.ofNullable(eventBus);
        Supplier<Optional<Server>> running = () -> Optional.ofNullable(server);
        var feedback = new ReloadFeedback(log, bus, running, () -> work -> serverThread().submit(() -> {
            work.run();
            return null;
        }));
        deferred = new DeferredStarts(states, log);
        lifecycle = new Lifecycle(context, deployments, states, events, locks, this::serverThread, this::settings,
                factory, hostFailures, pendingStarts, stopHooks, participants, new ContextReplay(bus, running),
                feedback, preparations, new SettledFiles(Duration.ofMillis(scanInterval())), log);
        hostFailures.open();
        pendingStarts.open();
        stopHooks.open();
        participants.open();
        preparations.open();
        devMode = new DevMode(this::settings);
        resourcesFolder = home.map(h -> h.resolve("resources"));
        deployer = new Deployer(context, resourcesFolder, deployments, lifecycle, factory, states, devMode, loaded,
                log);
        infos = new ResourceInfos(context, deployments, states, lifecycle.graph());
        diagnosis = new Diagnosis(context, deployments, lifecycle, locks, states, this::settings);
        context.addBundleListener(states);
        shutdownHook = event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                stopWatching();
                scanner.shutdownNow();
                lifecycle.stopAll();
            }
        };
        context.addBundleListener(shutdownHook);
        scanner = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("plinth-resource-deployer").daemon().unstarted(runnable));
        scanner.execute(this::startup);
    }

    private long scanInterval() {
        return Optional.ofNullable(context.getProperty(SCAN_INTERVAL)).map(Long::parseLong)
                .orElse(DEFAULT_SCAN_INTERVAL_MS);
    }

    private DeployLimits deployLimits() {
        try {
            return DeployLimits.from(context::getProperty);
        } catch (IllegalArgumentException e) {
            log.error("{}; resources may hold the default {} and {} files", e.getMessage(),
                    FileTooLargeException.describe(DeployLimits.DEFAULTS.maxBytes()), DeployLimits.DEFAULTS.maxFiles());
            return DeployLimits.DEFAULTS;
        }
    }

    @Deactivate
    void deactivate() {
        stopWatching();
        scanner.shutdownNow();
        context.removeBundleListener(shutdownHook);
        for (var registration : Arrays.asList(allStarted, ready)) {
            if (registration != null) {
                registration.unregister();
            }
        }
        deferred.abandon();
        lifecycle.stopAll();
        hostFailures.close();
        pendingStarts.close();
        stopHooks.close();
        preparations.close();
        participants.close();
        context.removeBundleListener(states);
        ownThread.close();
    }

    /**
     * Deploys the folder, waits for the framework to finish starting, starts the startup resources (deferring those
     * whose start is long work), registers the ready condition, then starts the deferred ones and registers the
     * started condition.
     */
    private void startup() {
        try {
            resourcesFolder.ifPresent(folder -> watcher = SourceWatcher.start(folder,
                    new ChangeBursts(scanner, () -> settings().debounce(), this::scan), log).orElse(null));
            deployer.sync(true, Set.of());
            new BootStarts(context, lifecycle, deployments, deferred, this::settings, () -> progress,
                    this::frameworkStopping, log).run();
        } catch (RuntimeException | Error e) {
            reportStartupFailure(e);
        } finally {
            ready = context.registerService(Condition.class, Condition.INSTANCE, conditionProperties(READY_CONDITION));
        }
        try {
            List<String> failed = deferred.run(name -> lifecycle.start(name, true), this::frameworkStopping, progress);
            failed.forEach(failure -> log.error("startup resource {} did not start", failure));
        } catch (RuntimeException | Error e) {
            reportStartupFailure(e);
        } finally {
            allStarted = context.registerService(Condition.class, Condition.INSTANCE,
                    conditionProperties(STARTED_CONDITION));
            if (!scanner.isShutdown()) {
                long interval = scanInterval();
                scanner.scheduleWithFixedDelay(() -> scan(Set.of()), interval, interval, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void reportStartupFailure(Throwable e) {
        if (scanner.isShutdown()) {
            log.info("resource startup ended early: the framework is stopping");
        } else {
            log.error("resource startup failed: {}", e.toString(), e);
        }
    }

    private void stopWatching() {
        SourceWatcher running = watcher;
        if (running != null) {
            running.close();
        }
    }

    /** Scans the folder; the sources named have settled (the watcher saw them change, then nothing for a while). */
    private void scan(Set<String> settled) {
        long begin = System.nanoTime();
        try {
            deployer.sync(false, settled);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            if (millis > SLOW_SCAN_MS) {
                log.warn("scanning the resources folder took {} ms", millis);
            }
        } catch (RuntimeException | Error e) {
            // never thrown on: a scheduled task that throws is never run again, and nothing would deploy any more
            log.error("scanning the resources folder failed: {}", e.toString(), e);
        }
    }

    /**
     * Whether the framework is stopping (or this component is deactivated): the startup then ends quietly, since a
     * start that the shutdown cuts short is no failure of the resource.
     */
    private boolean frameworkStopping() {
        if (scanner.isShutdown()) {
            return true;
        }
        try {
            return (context.getBundle(0).getState() & (Bundle.STOPPING | Bundle.RESOLVED)) != 0;
        } catch (IllegalStateException e) {
            return true; // this bundle's context is no longer valid: it stopped
        }
    }

    private static Dictionary<String, Object> conditionProperties(String id) {
        var properties = new Hashtable<String, Object>();
        properties.put(Condition.CONDITION_ID, id);
        return properties;
    }

    ResourceSettings settings() {
        return settingsFile.current();
    }

    ServerThread serverThread() {
        GameThread thread = gameThread;
        return thread == null ? ownThread
                : new GameThreadAdapter(thread, Optional.ofNullable(server).map(Server::gameVersion));
    }

    /**
     * Who a bundle calls as: the resource it is when it was deployed from {@code resources/}, else the system.
     *
     * @param bundle the calling bundle
     * @return the caller
     */
    public Caller callerOf(Bundle bundle) {
        return deployments.byBundle(bundle.getBundleId()).map(d -> new Caller(Optional.of(d.name())))
                .orElse(Caller.SYSTEM);
    }

    /**
     * Starts a resource for a caller. Like a stop and a restart, it waits first for the start of a startup resource
     * whose start the boot deferred until the shell was ready ({@link DeferredStarts}).
     *
     * @param caller who asks
     * @param name the resource
     * @param ensure whether an already started resource is a success
     * @return what was started
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#start}; {@code ERR_START_TIMEOUT}
     *     when a deferred start is still not done after {@link DeferredStarts#WAIT}; {@code ERR_INVALID_NAME}
     *     or {@code ERR_NAME_TOO_LONG} for a name no resource can have, before anything is looked up
     */
    public LifecycleResult start(Caller caller, String name, boolean ensure) {
        ResourceNames.check(name);
        checkLifecycleCall(caller, name, ensure ? "ensure" : "start");
        deferred.await(name, DeferredStarts.WAIT);
        return lifecycle.start(name, ensure);
    }

    /**
     * Stops a resource for a caller.
     *
     * @param caller who asks
     * @param name the resource
     * @return what was stopped
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#stop}
     */
    public LifecycleResult stop(Caller caller, String name) {
        ResourceNames.check(name);
        checkLifecycleCall(caller, name, "stop");
        deferred.await(name, DeferredStarts.WAIT);
        return lifecycle.stop(name);
    }

    /**
     * Restarts a resource for a caller.
     *
     * @param caller who asks
     * @param name the resource
     * @return what was stopped and started
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#restart}
     */
    public LifecycleResult restart(Caller caller, String name) {
        ResourceNames.check(name);
        checkLifecycleCall(caller, name, "restart");
        deferred.await(name, DeferredStarts.WAIT);
        return lifecycle.restart(name);
    }

    /**
     * Restarts a resource on the deployer's thread, after the scan under way: how the in-game {@code /reload} asks,
     * from the game thread, which must not wait for it.
     *
     * @param caller who asks
     * @param name the resource
     * @return completes with what {@link #restart} returns or throws
     */
    public CompletableFuture<LifecycleResult> restartLater(Caller caller, String name) {
        checkGrant(caller, name, "restart");
        var result = new CompletableFuture<LifecycleResult>();
        try {
            scanner.execute(() -> {
                try {
                    result.complete(lifecycle.restart(name));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ResourceException(ResourceErrorCode.ERR_RESOURCE_LOCKED, name,
                    "the server is stopping: " + name + " is not reloaded"));
        }
        return result;
    }

    /** {@return every resource, sorted by name} */
    public List<ResourceInfo> list() {
        return infos.list();
    }

    /**
     * One resource.
     *
     * @param name the resource
     * @return its info
     * @throws ResourceException ERR_NOT_FOUND
     */
    public ResourceInfo info(String name) {
        return infos.info(ResourceNames.check(name));
    }

    /**
     * Why a resource is not started.
     *
     * @param name the resource
     * @return the reasons, empty when it is started
     * @throws ResourceException ERR_NOT_FOUND
     */
    public List<String> diagnose(String name) {
        return diagnosis.of(ResourceNames.check(name));
    }

    /**
     * The descriptor of a resource bundle.
     *
     * @param bundle the bundle
     * @return its descriptor, empty when it is not deployed from {@code resources/}
     */
    public Optional<ResourceDescriptor> descriptor(Bundle bundle) {
        return deployments.byBundle(bundle.getBundleId()).map(Deployment::descriptor);
    }

    /**
     * What a resource was deployed from, for the client payloads: its source folder or zip, its descriptor.
     *
     * @param name the resource
     * @return its deployment; empty for system resources and unknown names
     */
    public Optional<Deployment> deployment(String name) {
        return deployments.byName(name);
    }

    /**
     * The bundle of a resource.
     *
     * @param name the resource
     * @return its bundle, deployed or system; empty when there is none (unknown, or its manifest failed)
     */
    public Optional<Bundle> bundle(String name) {
        return deployments.byName(name).map(d -> context.getBundle(d.bundleId()))
                .or(() -> SystemResources.find(context, name, deployments));
    }

    /**
     * Reads a declared config asset.
     *
     * @param name the resource
     * @param path the asset path
     * @return the decoded JSON value
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#readConfigAsset}
     */
    public Optional<Object> readConfigAsset(String name, String path) {
        return configAssets.read(lifecycle.require(ResourceNames.check(name)), path);
    }

    /**
     * Writes a declared config asset: a resource may write its own; another's needs the admin grant.
     *
     * @param caller who asks
     * @param name the resource
     * @param path the asset path
     * @param value the value to write as JSON
     * @return the path written
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#writeConfigAsset}
     */
    public String writeConfigAsset(Caller caller, String name, String path, Object value) {
        ResourceNames.check(name);
        if (!caller.resource().map(name::equals).orElse(false)) {
            checkGrant(caller, name, "write the config assets of");
        }
        Deployment deployment = lifecycle.require(name);
        String written = configAssets.write(deployment, path, value);
        deployer.wroteItself(deployment.source());
        return written;
    }

    /**
     * Creates a blank map package and deploys it.
     *
     * @param caller who asks
     * @param name the package
     * @param title its title
     * @return the name
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#createMapPackage}
     */
    public String createMapPackage(Caller caller, String name, String title) {
        checkLifecycleCall(caller, name, "create the map package");
        Path folder = resourcesFolder.orElseThrow(() -> new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED,
                name, name + ": the server has no resources folder (no instance home)"));
        boolean taken = deployments.byName(name).isPresent() || deployments.failureByName(name).isPresent()
                || SystemResources.find(context, name, deployments).isPresent();
        mapPackages.create(folder, name, title, taken);
        // Deployed at once by a scan on the deployer's own thread: its files are whole already (written aside).
        for (int scan = 0; scan < 2 && deployments.byName(name).isEmpty(); scan++) {
            try {
                scanner.submit(() -> deployer.sync(false, Set.of(name))).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, name, name
                        + ": the new map package was written but not deployed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, name, name
                        + ": interrupted while deploying the new map package", e);
            }
        }
        return name;
    }

    /**
     * Bakes a map package's runtime assets, then restarts it when it is started.
     *
     * @param caller who asks
     * @param name the package
     * @param options the bake's options
     * @throws ResourceException as {@link dev.plinth.core.resource.ResourceService#bakeMapPackage}
     */
    public void bakeMapPackage(Caller caller, String name, Map<String, ?> options) {
        checkLifecycleCall(caller, name, "bake the map package");
        Deployment deployment = lifecycle.require(name);
        mapPackages.bake(deployment, options);
        if (info(name).state() == dev.plinth.core.resource.ResourceState.STARTED) {
            restart(Caller.SYSTEM, name);
        }
    }

    /**
     * Turns development mode on or off for a resource: on, it is reloaded as soon as its files change.
     *
     * @param caller who asks
     * @param name the resource
     * @param on whether to watch it
     * @return what was done, for the shell
     * @throws ResourceException ERR_NOT_FOUND, ERR_SYSTEM_RESOURCE, ERR_PERMISSION_DENIED
     */
    public String watch(Caller caller, String name, boolean on) {
        ResourceNames.check(name);
        checkGrant(caller, name, on ? "watch" : "unwatch");
        Deployment deployment = lifecycle.require(name);
        boolean before = devMode.set(name, on);
        if (!on) {
            return before ? name + " is no longer watched: a change of its files applies at its next resource:restart"
                    : name + " was not watched";
        }
        String folder = "resources/" + deployment.source().relative();
        String how = watcher == null ? "the scan finds changes within two seconds"
                : "file notifications, changes settle for " + settings().debounce().toMillis() + " ms";
        return (before ? name + " was already watched" : "watching " + name) + ": a change of " + folder
                + " reloads it (" + how + ")";
    }

    /**
     * Whether a resource is in development mode, and why.
     *
     * @param name the resource
     * @return what turned it on ({@code resource:watch}, {@code DevResources}, {@code ResourceHotReload}), or empty
     */
    public Optional<String> watched(String name) {
        return devMode.watched(name) ? devMode.reason(name) : Optional.empty();
    }

    /**
     * The resources installed that provide what a dependency asks for (a pack's uuid dependency: the pack with that
     * uuid).
     *
     * @param dependency a dependency of some resource
     * @return the names of the providers; empty when none is installed, or for game and client dependencies
     */
    public List<String> providersOf(Dependency dependency) {
        return lifecycle.graph().providersOf(dependency);
    }

    /** {@return the lifecycle counters} */
    public ResourceStatistics statistics() {
        return infos.statistics();
    }

    private void checkLifecycleCall(Caller caller, String name, String operation) {
        if (serverThread().inDeterministicSection()) {
            throw new ResourceException(ResourceErrorCode.ERR_DETERMINISTIC_POLICY, name, "cannot " + operation + " "
                    + name + " from inside a deterministic handler (a tick or a game event): queue it for the next "
                    + "tick boundary instead");
        }
        checkGrant(caller, name, operation);
    }

    private void checkGrant(Caller caller, String name, String operation) {
        if (caller.resource().isPresent() && !settings().adminResources().contains(caller.resource().get())) {
            throw new ResourceException(ResourceErrorCode.ERR_PERMISSION_DENIED, name, caller.resource().get()
                    + " may not " + operation + " " + name + ": only the resources listed in AdminResources "
                    + "(conf/server.json) and the console may");
        }
    }
}

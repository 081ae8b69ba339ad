package dev.plinth.bedrock.packs.internal.host;

import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.world.MolangWorld;
import dev.plinth.bedrock.packs.internal.block.PackBlockType;
import dev.plinth.bedrock.packs.internal.block.PackItemType;
import dev.plinth.bedrock.packs.internal.definition.BlockDefinition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.definition.ItemDefinition;
import dev.plinth.bedrock.packs.internal.definition.Reading;
import dev.plinth.bedrock.packs.internal.entity.PackEntityType;
import dev.plinth.bedrock.packs.internal.load.FileFailure;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.load.PackFiles;
import dev.plinth.bedrock.packs.internal.load.PackLoader;
import dev.plinth.bedrock.packs.internal.loot.LootRoller;
import dev.plinth.bedrock.packs.internal.molang.PackQueries;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.core.runtime.content.ContentRegistration;
import dev.plinth.core.runtime.content.GameContent;
import dev.plinth.core.runtime.host.HostPreparation;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.core.sandbox.host.ResourceServices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The behavior-pack host, the extender of {@code osgi.extender=plinth.bedrock}. A pack bundle is read as soon as it
 * is installed, on the host's own thread ({@code plinth-packs-loader}), never on the game thread, its progress shown
 * in the console ({@link LoadProgress}); a start waits for that read before it goes to the game thread, and a large
 * startup pack starts once the shell is ready ({@link PackStartPreparation}); when the bundle starts (on the game thread, at a tick boundary), its entity, item and block types are registered in the world
 * through the pack bundle's own {@link GameContent}, and its other definitions join the {@link PackRegistry}. When
 * it stops, all of it goes: its entities despawn ({@code entity_despawn}), its Molang scope closes. A pack that cannot
 * be read at all (its files cannot be listed, the loader failed or ran out of time) does not start: its host failure
 * ({@code HostFailure}) says why, and the resource is in {@code error}; a malformed file only skips that file.
 *
 * <p>A hot reload reads the pack's next content before the swap ({@link ReloadPreparation}): the start that follows
 * takes it when its bundle holds the same definition files (same digest), so the game thread does not wait for it.
 *
 * <p>Molang: every pack compiles in its own scope of the server's runtime ({@link MolangWorld}), against the world's
 * queries and the packs' own ({@link PackQueries}, also registered as a {@code MolangQueries} service so that
 * {@code molang:eval} answers them); a pack entity's variables live in the entity's {@code MolangWorld} context.
 *
 * <p>Scripts: a pack's {@code script} module ({@code scripts/main.js} on {@code @minecraft/server}) runs once its
 * types are registered, through the {@link PackScriptRunner} (present while the JavaScript host is); a script whose
 * top-level code fails fails the pack's start, and it stops with the pack. Without the JavaScript host, or when the
 * entry is not in the pack, the pack's data loads and the log says why its script does not run.
 *
 * <p>Threads: the trackers call back on the thread that installs, updates, starts or stops a bundle.
 */
@Component(service = PackHost.class, immediate = true)
public final class PackHost {

    /** The extender name behavior pack bundles require. */
    public static final String EXTENDER = "plinth.bedrock";
    private static final String EXTENDER_NAMESPACE = "osgi.extender";
    /** How long a start waits for the pack's files, read since it was installed: below the start timeout (15 s). */
    private static final int READ_TIMEOUT_SECONDS = 10;

    private final BundleContext context;
    private final ResourceService resources;
    private final GameThread gameThread;
    private final HostSupport support;
    private final Progress progress;
    private final Logger log;
    private final PackSettings settings;
    private final PackRegistry registry = new PackRegistry();
    private final MolangWorld molangWorld;
    private final MolangQueries packQueries = PackQueries.create();
    private final PackWorld world;
    private final Map<Long, Loading> loading = new ConcurrentHashMap<>();
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile @Nullable PackScriptRunner scripts;
    private @Nullable ExecutorService loader;
    private @Nullable ServiceRegistration<MolangQueries> queriesRegistration;
    private @Nullable ServiceRegistration<ReloadPreparation> preparation;
    private @Nullable ServiceRegistration<HostPreparation> startPreparation;
    private @Nullable BundleTracker<Bundle> installed;
    private @Nullable BundleTracker<ActivePack> active;

    /** A pack being read, or read, for one content of its bundle. */
    private record Loading(long lastModified, CompletableFuture<LoadedPack> pack) {}

    /** A pack's next content, read before a hot reload swaps it in, and the digest of its definition files. */
    private record Prepared(String digest, LoadedPack pack) {}

    /**
     * Creates the host; tracking starts when it activates.
     *
     * @param context the host bundle's context
     * @param resources the resource manager, for the packs' names
     * @param server the server, for the world's players
     * @param gameThread the game thread
     * @param support what every language host shares: which bundles it serves, its failures
     * @param molangWorld the server's Molang runtime and the entities' contexts
     * @param progress reports how far the reading of a large pack is
     * @param loggers the log
     */
    @Activate
    public PackHost(BundleContext context, @Reference ResourceService resources, @Reference Server server,
            @Reference GameThread gameThread, @Reference HostSupport support, @Reference MolangWorld molangWorld,
            @Reference Progress progress, @Reference LoggerFactory loggers) {
        this.context = context;
        this.resources = resources;
        this.gameThread = gameThread;
        this.support = support;
        this.molangWorld = molangWorld;
        this.progress = progress;
        this.log = loggers.getLogger(PackHost.class);
        this.settings = settings(context, log);
        RandomGenerator random = settings.seed().isPresent() ? new SplittableRandom(settings.seed().getAsLong())
                : new SplittableRandom();
        this.world = new PackWorld(molangWorld.molang(), molangWorld::context, random, settings::environment,
                new LootRoller(registry), registry, server, log);
    }

    /** Starts the loader thread and the trackers. */
    @Activate
    void open() {
        queriesRegistration = context.registerService(MolangQueries.class, packQueries, null);
        preparation = context.registerService(ReloadPreparation.class, this::prepareReload, null);
        startPreparation = context.registerService(HostPreparation.class,
                new PackStartPreparation(PackHost::isPack, this::awaitRead), null);
        loader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("plinth-packs-loader").daemon()
                .factory());
        installed = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED, new Preloader());
        installed.open();
        active = new BundleTracker<>(context, Bundle.ACTIVE, new Starter());
        active.open();
        log.info("behavior pack host ready{}", settings.seed().isPresent() ? ", seed " + settings.seed().getAsLong()
                : "");
    }

    /** Stops the packs and the loader. */
    @Deactivate
    void close() throws InterruptedException {
        if (active != null) {
            active.close();
        }
        if (installed != null) {
            installed.close();
        }
        if (loader != null) {
            loader.shutdownNow();
            loader.awaitTermination(10, TimeUnit.SECONDS);
        }
        loading.values().forEach(l -> l.pack().thenAccept(LoadedPack::close));
        loading.clear();
        if (queriesRegistration != null) {
            queriesRegistration.unregister();
        }
        if (preparation != null) {
            preparation.unregister();
        }
        if (startPreparation != null) {
            startPreparation.unregister();
        }
        prepared.values().forEach(p -> p.pack().close());
        prepared.clear();
    }

    /** {@return the started packs} */
    public PackRegistry registry() {
        return registry;
    }

    /** {@return the shared world services} */
    public PackWorld world() {
        return world;
    }

    /** {@return the host's settings} */
    public PackSettings settings() {
        return settings;
    }

    /** {@return the game thread} */
    public GameThread gameThread() {
        return gameThread;
    }

    /** Reads a pack's bundle on the loader thread; the start waits for it. */
    private final class Preloader implements BundleTrackerCustomizer<Bundle> {
        @Override
        public @Nullable Bundle addingBundle(Bundle bundle, @Nullable BundleEvent event) {
            if (!isPack(bundle)) {
                return null;
            }
            // read when installed or resolved; a bundle that just stopped may be about to get new content (a hot
            // reload updates it next): its next start reads it
            if (event == null || event.getType() != BundleEvent.STOPPED) {
                preload(bundle);
            }
            return bundle;
        }

        @Override
        public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, Bundle object) {
            if (event == null) {
                return;
            }
            switch (event.getType()) {
                // its content is being replaced: what was read of the old one goes; never read a bundle mid-refresh
                case BundleEvent.UPDATED, BundleEvent.UNRESOLVED -> forget(bundle);
                case BundleEvent.RESOLVED -> preload(bundle);
                default -> { }
            }
        }

        @Override
        public void removedBundle(Bundle bundle, @Nullable BundleEvent event, Bundle object) {
            if (event != null && event.getType() == BundleEvent.UNINSTALLED) {
                forget(bundle);
            }
        }
    }

    /**
     * Drops what was read of a bundle that is not started (a started pack's is dropped when it stops, before its
     * bundle can be updated, refreshed or uninstalled).
     */
    private void forget(Bundle bundle) {
        Loading gone = loading.remove(bundle.getBundleId());
        if (gone != null) {
            gone.pack().thenAccept(LoadedPack::close);
        }
    }

    /** Registers a pack when its bundle starts, removes it when it stops. */
    private final class Starter implements BundleTrackerCustomizer<ActivePack> {
        @Override
        public @Nullable ActivePack addingBundle(Bundle bundle, @Nullable BundleEvent event) {
            if (!support.serves(bundle, EXTENDER)) {
                return null;
            }
            return start(bundle);
        }

        @Override
        public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, ActivePack pack) {
            // Nothing changes while the bundle stays active.
        }

        @Override
        public void removedBundle(Bundle bundle, @Nullable BundleEvent event, ActivePack pack) {
            stop(pack);
        }
    }

    private Loading preload(Bundle bundle) {
        String name = name(bundle);
        long modified = bundle.getLastModified();
        Loading current = loading.get(bundle.getBundleId());
        if (current != null && current.lastModified() == modified) {
            return current;
        }
        var future = new CompletableFuture<LoadedPack>();
        var next = new Loading(modified, future);
        Loading before = loading.put(bundle.getBundleId(), next);
        if (before != null) {
            before.pack().thenAccept(LoadedPack::close);
        }
        ExecutorService thread = loader;
        Runnable read = () -> {
            try {
                future.complete(load(name, bundle));
            } catch (IOException | RuntimeException | Error e) {
                // whatever stops the read fails the pack's start, never leaves it waiting
                future.completeExceptionally(e);
            }
        };
        if (thread == null || thread.isShutdown()) {
            read.run();
        } else {
            thread.execute(read);
        }
        return next;
    }

    /**
     * A hot reload's preparation ({@link ReloadPreparation}, on the resource manager's thread): a behavior pack's next
     * content is read now, while the running version still serves, and kept for the start that follows the swap.
     *
     * @throws ResourceException ERR_SCRIPT_EXECUTION when the content cannot be read at all (a malformed file is
     *     only skipped, as at any start); the reload then stops before anything is stopped
     */
    private void prepareReload(ResourceDescriptor next, ResourceContent content) {
        if (next.language() != Language.BEDROCK) {
            return;
        }
        String name = next.name();
        PackFiles files = PackFiles.of(content);
        Prepared ready;
        try {
            ready = new Prepared(PackLoader.digest(files), read(name, files));
        } catch (IOException | RuntimeException e) {
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name, name
                    + ": its new content could not be read: " + describe(e), e);
        }
        Prepared before = prepared.put(name, ready);
        if (before != null) {
            before.pack().close();
        }
    }

    /** Reads a pack's bundle, or takes what a hot reload's preparation read of the same content. */
    private LoadedPack load(String name, Bundle bundle) throws IOException {
        PackFiles files = PackFiles.of(bundle);
        Prepared ready = prepared.get(name);
        if (ready != null) {
            boolean same = ready.digest().equals(PackLoader.digest(files));
            if (prepared.remove(name, ready)) {
                if (same) {
                    log.info("pack {}: its new content was read before the swap", name);
                    return ready.pack();
                }
                ready.pack().close(); // the content moved on since it was prepared
            }
        }
        return read(name, files);
    }

    private LoadedPack read(String name, PackFiles files) throws IOException {
        MolangQueries queries = molangWorld.queries().toBuilder().withAll(packQueries).build();
        LoadedPack pack;
        try (var reading = new LoadProgress(progress, name)) {
            try {
                pack = PackLoader.load(name, files, molangWorld.molang().scope(name, queries), reading);
            } catch (IOException | RuntimeException e) {
                reading.fail(describe(e));
                throw e;
            }
        }
        for (FileFailure failure : pack.failures()) {
            log.warn("{}", failure);
        }
        log.info("pack {}: {} definitions ({}), {} file(s) skipped, {} files read in {} ms", name,
                pack.counts().values().stream().mapToInt(Integer::intValue).sum(), counts(pack),
                pack.failures().size(), pack.files(), pack.millis());
        return pack;
    }

    /**
     * Waits, off the game thread, until a pack bundle's files are read (its start then finds them read); a read that
     * fails or outlasts {@link #READ_TIMEOUT_SECONDS} is left for the start to report.
     */
    private void awaitRead(Bundle bundle) {
        try {
            preload(bundle).pack().get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // the start fails with why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Registers a started pack's content; runs on the thread that starts the bundle (the game thread). A pack that
     * could not be read, or whose content the world refuses, is failed and stopped again.
     */
    private @Nullable ActivePack start(Bundle bundle) {
        String name = name(bundle);
        Loading loaded = preload(bundle);
        LoadedPack pack;
        try {
            pack = loaded.pack().get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return fail(bundle, name, name + ": its files could not be read: " + describe(e.getCause()));
        } catch (java.util.concurrent.TimeoutException e) {
            return fail(bundle, name, name + ": its files were not read within " + READ_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(bundle, name, name + ": interrupted while its files were read");
        }
        Optional<GameContent> content = content(bundle);
        if (content.isEmpty()) {
            return fail(bundle, name, name + ": the server offers no GameContent service, so its entities, items and "
                    + "blocks cannot join the world");
        }
        var registrations = new ArrayList<ContentRegistration>();
        var entityTypes = new LinkedHashMap<String, PackEntityType>();
        try {
            // a type whose identifier the world cannot name was noted as kept when the pack was read
            for (EntityDefinition entity : pack.all(DefinitionKind.ENTITY, EntityDefinition.class)) {
                if (Reading.worldName(entity.id()).isPresent()) {
                    var type = new PackEntityType(pack.name(), entity, world);
                    entityTypes.put(entity.id(), type);
                    registrations.add(content.get().register(type));
                }
            }
            for (ItemDefinition item : pack.all(DefinitionKind.ITEM, ItemDefinition.class)) {
                if (Reading.worldName(item.id()).isPresent()) {
                    registrations.add(content.get().register(new PackItemType(item)));
                }
            }
            for (BlockDefinition block : pack.all(DefinitionKind.BLOCK, BlockDefinition.class)) {
                if (Reading.worldName(block.id()).isPresent()) {
                    registrations.add(content.get().register(new PackBlockType(pack.name(), block, world)));
                }
            }
        } catch (RuntimeException e) {
            registrations.forEach(ContentRegistration::close);
            return fail(bundle, name, name + ": the world refused its content: " + describe(e));
        }
        PackModules modules = PackModules.of(resources.descriptor(bundle));
        Optional<PackScript> script;
        try {
            script = runScript(bundle, pack.name(), modules);
        } catch (PackScriptException e) {
            registrations.forEach(ContentRegistration::close);
            return fail(bundle, name, e.getMessage());
        }
        var active = new ActivePack(bundle, pack, entityTypes, registrations, modules, script);
        registry.add(active);
        support.cleared(bundle);
        log.info("pack {} started: {} entity, {} item and {} block types in the world{}", pack.name(),
                entityTypes.size(), pack.of(DefinitionKind.ITEM).size(), pack.of(DefinitionKind.BLOCK).size(),
                pack.failures().isEmpty() ? "" : ", " + pack.failures().size() + " file(s) skipped (pack:info "
                        + pack.name() + ")");
        return active;
    }

    /**
     * Runs the pack's script module, if it has one that can run: its entry must be in the pack and a JavaScript host
     * must be running (else the log says why not, and the pack goes on without it).
     */
    private Optional<PackScript> runScript(Bundle bundle, String pack, PackModules modules) {
        Optional<String> entry = modules.scriptEntry();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (bundle.getEntry(entry.get()) == null) {
            log.warn("pack {}: its script module's entry {} is not in the pack: the script does not run", pack,
                    entry.get());
            return Optional.empty();
        }
        PackScriptRunner runner = scripts;
        if (runner == null) {
            log.warn("pack {}: its script {} does not run: no JavaScript host (dev.plinth.lang.js) is running", pack,
                    entry.get());
            return Optional.empty();
        }
        return Optional.of(runner.run(bundle, pack, entry.get()));
    }

    /** Fails a pack's start through the host failure contract, then stops its bundle again. */
    private @Nullable ActivePack fail(Bundle bundle, String name, String message) {
        log.error("ERR_SCRIPT_EXECUTION: {}", message);
        support.failStart(bundle, name, message);
        return null;
    }

    private static String describe(@Nullable Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * Removes a stopped pack's content from the world. What was read of its bundle stays for its next start (a
     * restart does not read it again on the game thread); it goes when the bundle gets new content or is uninstalled.
     */
    private void stop(ActivePack pack) {
        registry.remove(pack.name());
        pack.script().ifPresent(PackScript::close);
        pack.registrations().forEach(ContentRegistration::close);
        Loading read = loading.get(pack.bundle().getBundleId());
        if (read == null || read.pack().getNow(null) != pack.loaded()) {
            pack.loaded().close(); // read for content the bundle no longer has
        }
        log.info("pack {} stopped: its definitions are gone", pack.name());
    }

    private static Optional<GameContent> content(Bundle bundle) {
        BundleContext packContext = bundle.getBundleContext();
        if (packContext == null) {
            return Optional.empty();
        }
        return ResourceServices.reference(packContext, GameContent.class).map(packContext::getService);
    }

    private String name(Bundle bundle) {
        return resources.descriptor(bundle).map(ResourceDescriptor::name).orElse(bundle.getSymbolicName());
    }

    private static String counts(LoadedPack pack) {
        var parts = new ArrayList<String>();
        pack.counts().forEach((kind, count) -> parts.add(count + " " + kind.id()));
        return String.join(", ", parts);
    }

    private static boolean isPack(Bundle bundle) {
        String requirements = bundle.getHeaders("").get("Require-Capability");
        return requirements != null && requirements.contains(EXTENDER_NAMESPACE + "=" + EXTENDER + ")");
    }

    private static PackSettings settings(BundleContext context, Logger log) {
        String home = context.getProperty("plinth.home");
        if (home == null) {
            return PackSettings.DEFAULTS;
        }
        Path file = Path.of(home, "conf", "server.json");
        try {
            return PackSettings.read(file);
        } catch (IOException | RuntimeException e) {
            log.error("{}: {}; the behavior pack host uses its defaults", file, e.getMessage());
            return PackSettings.DEFAULTS;
        }
    }
}

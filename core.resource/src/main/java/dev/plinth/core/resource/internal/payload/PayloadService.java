package dev.plinth.core.resource.internal.payload;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.lifecycle.Deployment;
import dev.plinth.core.resource.internal.lifecycle.ResourceManager;
import dev.plinth.core.resource.payload.ClientPayload;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.PayloadException;
import dev.plinth.core.resource.payload.PayloadFile;
import dev.plinth.core.resource.payload.PayloadSource;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.sandbox.files.FileBoundary;
import dev.plinth.core.sandbox.files.FileBoundaryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link ClientPayloads} service. A resource's payload is planned from its descriptor and folder
 * ({@link PayloadPlan}), its files reached through the resource's {@link FileBoundary} (real paths inside its folder),
 * hashed by {@link FileHashes}; the result is kept and checked again (one {@code stat} per file) when asked for after
 * {@value #FRESH_MILLIS} ms. A resource bundle that starts has its payload computed at once on
 * {@code plinth-payload-warmer}, so the first client finds it ready; one that stops is forgotten. Hashing more than
 * {@value #PROGRESS_BYTES} bytes at once is reported through {@link Progress}.
 *
 * <p>Thread-safe. Blocking methods refuse the game thread.
 */
@Component(service = ClientPayloads.class, immediate = true)
public final class PayloadService implements ClientPayloads {

    static final long FRESH_MILLIS = 250;
    static final long PROGRESS_BYTES = 16L << 20;
    private static final long REFRESH_MILLIS = 1000;

    private final BundleContext context;
    private final ResourceManager manager;
    private final Logger log;
    private final FileHashes hashes = new FileHashes(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final Map<String, Cached> cached = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<Long, Path> folders = new ConcurrentHashMap<>();
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(runnable ->
            Thread.ofPlatform().name("plinth-payload-warmer").daemon().unstarted(runnable));
    private final BundleListener listener = this::bundleChanged;
    private volatile Map<String, PayloadSource> index = Map.of();
    private volatile long refreshedAt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GameThread gameThread;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Progress progress;

    /**
     * One resource's payload as last computed.
     *
     * @param payload the payload
     * @param sources its files on disk, by hash
     * @param bundleId the resource's bundle
     * @param checkedAt when its files were last checked, {@link System#nanoTime()}
     */
    private record Cached(ClientPayload payload, Map<String, PayloadSource> sources, long bundleId, long checkedAt) {}

    /**
     * Creates the service; it starts following the resource bundles at activation.
     *
     * @param context core.resource's context
     * @param manager the resource manager, for the deployments
     * @param loggers the log
     */
    @Activate
    public PayloadService(BundleContext context, @Reference ResourceManager manager,
            @Reference LoggerFactory loggers) {
        this.context = context;
        this.manager = manager;
        this.log = loggers.getLogger(PayloadService.class);
    }

    @Activate
    void open() {
        context.addBundleListener(listener);
    }

    @Deactivate
    void close() {
        context.removeBundleListener(listener);
        warmer.shutdownNow();
        hashes.close();
    }

    @Override
    public Optional<ClientPayload> payload(String resource) {
        refuseGameThread();
        return current(resource, false).map(Cached::payload);
    }

    @Override
    public List<ClientPayload> payloads() {
        refuseGameThread();
        var all = new ArrayList<ClientPayload>();
        for (String name : manager.list().stream().filter(i -> !i.system()).map(i -> i.name()).toList()) {
            try {
                current(name, false).ifPresent(c -> all.add(c.payload()));
            } catch (PayloadException e) {
                log.warn("{} sends clients nothing: {}", name, e.getMessage());
            }
        }
        refreshedAt = System.nanoTime();
        return all;
    }

    @Override
    public Optional<PayloadSource> file(String sha256) {
        refuseGameThread();
        // The index holds current hashes only: what is not one (not a hash at all, too) finds nothing there, and asks
        // for a fresh index at most once a second. The endpoints check a hash's form before they ask
        // (Protocol.isSha256, the client protocol's rule).
        PayloadSource source = index.get(sha256);
        if (source == null && System.nanoTime() - refreshedAt > TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS)) {
            payloads();
            source = index.get(sha256);
        }
        if (source == null || !started(source.resource())) {
            return Optional.empty();
        }
        try {
            if (hashes.current(source.realPath()).map(h -> h.sha256().equals(sha256)).orElse(false)) {
                return Optional.of(source);
            }
        } catch (IOException e) {
            // gone or unreadable: checked again below, with the rest of its resource
        }
        try {
            current(source.resource(), true);
        } catch (PayloadException e) {
            log.warn("{}", e.getMessage());
            return Optional.empty();
        }
        return Optional.ofNullable(index.get(sha256));
    }

    /**
     * The payload of a resource, computed again when older than the freshness window or when forced; none once the
     * resource is not started, whether or not the (asynchronous) bundle event that forgets it has come yet.
     */
    private Optional<Cached> current(String name, boolean force) {
        synchronized (locks.computeIfAbsent(name, key -> new Object())) {
            Cached known = cached.get(name);
            if (known != null && !started(name)) {
                cached.remove(name);
                reindex();
                return Optional.empty();
            }
            if (!force && known != null
                    && System.nanoTime() - known.checkedAt() < TimeUnit.MILLISECONDS.toNanos(FRESH_MILLIS)) {
                return Optional.of(known);
            }
            Optional<Cached> computed = compute(name);
            computed.ifPresentOrElse(c -> cached.put(name, c), () -> cached.remove(name));
            reindex();
            return computed;
        }
    }

    private Optional<Cached> compute(String name) {
        Optional<Deployment> deployment = manager.deployment(name);
        if (deployment.isEmpty() || deployment.get().source().kind() != ResourceSource.Kind.FOLDER || !started(name)) {
            return Optional.empty();
        }
        ResourceDescriptor descriptor = deployment.get().descriptor();
        Path folder = deployment.get().source().path();
        PayloadPlan plan = PayloadPlan.of(descriptor, folder);
        if (plan.files().isEmpty()) {
            return Optional.empty();
        }
        var boundary = new FileBoundary(name, folder);
        var real = new HashMap<String, Path>();
        for (String path : plan.files().keySet()) {
            real.put(path, resolve(boundary, descriptor, path));
        }
        Map<Path, FileHashes.Hashed> hashed = hash(name, List.copyOf(real.values()));
        var files = new ArrayList<PayloadFile>();
        var sources = new HashMap<String, PayloadSource>();
        plan.files().forEach((path, planned) -> {
            Path file = real.get(path);
            FileHashes.Hashed h = hashed.get(file);
            var payloadFile = new PayloadFile(path, h.stat().size(), h.sha256(), planned.cache(), planned.kind());
            files.add(payloadFile);
            sources.putIfAbsent(h.sha256(), new PayloadSource(name, payloadFile, file));
        });
        List<String> dependencies = descriptor.dependencies().stream()
                .filter(d -> d.kind() == Dependency.Kind.RESOURCE).map(Dependency::name).toList();
        var payload = new ClientPayload(name, descriptor.type(), descriptor.version(), descriptor.author(),
                descriptor.description(), dependencies, files, plan.scripts(), plan.mod(), listingHash(files, plan));
        folders.put(deployment.get().bundleId(), folder);
        return Optional.of(new Cached(payload, Map.copyOf(sources), deployment.get().bundleId(), System.nanoTime()));
    }

    private static Path resolve(FileBoundary boundary, ResourceDescriptor descriptor, String path) {
        Path file;
        try {
            file = boundary.resolve(path);
        } catch (FileBoundaryException e) {
            throw new PayloadException(ResourceErrorCode.ERR_PERMISSION_DENIED, descriptor.name(), e.getMessage());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PayloadException(ResourceErrorCode.ERR_NOT_FOUND, descriptor.name(), descriptor.name() + ": "
                    + path + " is sent to clients (" + descriptor.manifestPath() + ") but is not a file of "
                    + boundary.root().getFileName() + "/");
        }
        return file;
    }

    private Map<Path, FileHashes.Hashed> hash(String name, List<Path> files) {
        var task = new AtomicReference<ProgressTask>();
        try {
            return hashes.hash(files, bytes -> {
                Progress reporter = progress;
                if (bytes >= PROGRESS_BYTES && reporter != null) {
                    task.set(reporter.begin("hashing client files of " + name, bytes, ProgressUnit.BYTES));
                }
            }, bytes -> {
                ProgressTask running = task.get();
                if (running != null) {
                    running.advance(bytes);
                }
            });
        } catch (IOException e) {
            failed(task, e.getMessage());
            throw new PayloadException(ResourceErrorCode.ERR_NOT_FOUND, name, name + ": a client file cannot be read: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(task, "interrupted");
            throw new PayloadException(ResourceErrorCode.ERR_NOT_FOUND, name, name + ": hashing was interrupted");
        } finally {
            ProgressTask running = task.get();
            if (running != null) {
                running.close();
            }
        }
    }

    private static void failed(AtomicReference<ProgressTask> task, String reason) {
        ProgressTask running = task.get();
        if (running != null) {
            running.fail(reason);
        }
    }

    /** The hash of a listing: each file's path, size, hash and cache flag, then the scripts clients run. */
    private static String listingHash(List<PayloadFile> files, PayloadPlan plan) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        for (PayloadFile file : files) {
            digest.update((file.path() + '\n' + file.size() + '\n' + file.sha256() + '\n' + file.cache() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        digest.update(String.join("\n", plan.scripts()).getBytes(StandardCharsets.UTF_8));
        digest.update(plan.mod().map(Object::toString).orElse("").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private boolean started(String name) {
        return manager.deployment(name).map(d -> context.getBundle(d.bundleId()))
                .map(bundle -> bundle.getState() == Bundle.ACTIVE).orElse(false);
    }

    private synchronized void reindex() {
        var all = new HashMap<String, PayloadSource>();
        cached.values().forEach(c -> c.sources().forEach(all::putIfAbsent));
        index = Map.copyOf(all);
    }

    private void refuseGameThread() {
        GameThread thread = gameThread;
        if (thread != null && thread.isGameThread()) {
            throw new IllegalStateException("client payloads are hashed off the game thread: ask from another thread");
        }
    }

    private void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        switch (event.getType()) {
            case BundleEvent.STARTED -> manager.descriptor(event.getBundle()).map(ResourceDescriptor::name)
                    .ifPresent(name -> warmer.execute(() -> warm(name)));
            case BundleEvent.STOPPED, BundleEvent.UPDATED -> forget(id, false);
            case BundleEvent.UNINSTALLED -> forget(id, true);
            default -> {
                // nothing changes for clients
            }
        }
    }

    private void warm(String name) {
        try {
            current(name, true);
        } catch (PayloadException e) {
            log.warn("{} sends clients nothing: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            log.error("could not compute the client payload of {}: {}", name, e.toString(), e);
        }
    }

    /** A resource stopped (its payload goes, its hashes stay for its next start) or went away (both go). */
    private void forget(long bundleId, boolean hashesToo) {
        cached.values().removeIf(c -> c.bundleId() == bundleId);
        if (hashesToo) {
            Path folder = folders.remove(bundleId);
            if (folder != null) {
                hashes.forget(folder);
            }
        }
        reindex();
    }
}

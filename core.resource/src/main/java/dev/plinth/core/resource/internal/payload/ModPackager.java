package dev.plinth.core.resource.internal.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Side;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.lifecycle.Deployment;
import dev.plinth.core.resource.internal.lifecycle.ResourceManager;
import dev.plinth.core.resource.payload.ModPackage;
import dev.plinth.core.resource.payload.ModPackages;
import dev.plinth.core.resource.payload.PayloadException;
import dev.plinth.core.runtime.tick.GameThread;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * The {@link ModPackages} service: packs a started mod's side when its files changed (their paths, sizes and
 * modification times, Staminal's {@code date_sha512}), writes each zip and {@code mod-packages.json} atomically
 * (temporary file, then rename), and removes the packages of a mod whose bundle stops.
 *
 * <p>Thread-safe: packing is serialized.
 */
@Component(service = ModPackages.class, immediate = true)
public final class ModPackager implements ModPackages {

    static final String FOLDER = "mod-packages";
    static final String LISTING = "mod-packages.json";
    private static final long MAX_MANIFEST = 1L << 20;

    private final BundleContext context;
    private final ResourceManager manager;
    private final Logger log;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Packed> packed = new TreeMap<>();
    private final BundleListener listener = this::bundleChanged;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GameThread gameThread;

    /**
     * A package as packed.
     *
     * @param pack the package
     * @param dateSha512 the fingerprint of the files it was packed from
     * @param bundleId the mod's bundle
     */
    private record Packed(ModPackage pack, String dateSha512, long bundleId) {}

    /**
     * Creates the packager.
     *
     * @param context core.resource's context, for the home and the bundle events
     * @param manager the resource manager, for the mods' folders
     * @param loggers the log
     */
    @Activate
    public ModPackager(BundleContext context, @Reference ResourceManager manager, @Reference LoggerFactory loggers) {
        this.context = context;
        this.manager = manager;
        this.log = loggers.getLogger(ModPackager.class);
        context.addBundleListener(listener);
    }

    @Deactivate
    void close() {
        context.removeBundleListener(listener);
    }

    @Override
    public List<ModPackage> packages(Side side) {
        refuseGameThread();
        var all = new ArrayList<ModPackage>();
        for (String name : manager.list().stream().filter(i -> !i.system()).map(i -> i.name()).toList()) {
            try {
                find(name, side).ifPresent(all::add);
            } catch (PayloadException e) {
                log.warn("{}", e.getMessage());
            }
        }
        return all;
    }

    @Override
    public synchronized Optional<ModPackage> find(String mod, Side side) {
        refuseGameThread();
        Optional<Path> home = home();
        Optional<Deployment> deployment = manager.deployment(mod);
        if (home.isEmpty() || deployment.isEmpty()
                || !(deployment.get().descriptor().details() instanceof FormatDetails.ModManifest)
                || deployment.get().source().kind() != ResourceSource.Kind.FOLDER || !started(deployment.get())) {
            return Optional.empty();
        }
        Path folder = deployment.get().source().path();
        String side1 = side.name().toLowerCase(Locale.ROOT);
        Optional<Map<String, Object>> manifest = manifest(mod, folder, side1);
        if (manifest.isEmpty() || !executeOn(manifest.get()).contains(side1)) {
            remove(mod + "/" + side1);
            return Optional.empty();
        }
        List<String> files = PayloadPlan.walk(mod, folder, (side == Side.CLIENT ? "server" : "client") + "/");
        String fingerprint = fingerprint(mod, folder, files);
        String key = mod + "/" + side1;
        Packed known = packed.get(key);
        if (known != null && known.dateSha512().equals(fingerprint)
                && Files.isRegularFile(home.get().resolve(FOLDER).resolve(known.pack().path()))) {
            return Optional.of(known.pack());
        }
        ModPackage pack = pack(mod, side, manifest.get(), folder, files, home.get().resolve(FOLDER));
        Packed previous = packed.put(key, new Packed(pack, fingerprint, deployment.get().bundleId()));
        if (previous != null && !previous.pack().path().equals(pack.path())) {
            delete(home.get().resolve(FOLDER).resolve(previous.pack().path()));
        }
        writeListing(home.get().resolve(FOLDER));
        return Optional.of(pack);
    }

    private ModPackage pack(String mod, Side side, Map<String, Object> manifest, Path folder, List<String> files,
            Path packages) {
        String platforms = String.join("+", executeOn(manifest));
        String zipName = mod + "-v" + manifest.getOrDefault("version", "0.0.0") + "-" + platforms + ".zip";
        if (!zipName.matches("[A-Za-z0-9_.+-]+")) {
            throw new PayloadException(ResourceErrorCode.ERR_INVALID_MANIFEST, mod, mod + ": its package name '"
                    + zipName + "' holds characters other than letters, digits, _ - . and +");
        }
        long uncompressed = 0;
        String sha512;
        try {
            Files.createDirectories(packages);
            Path temporary = Files.createTempFile(packages, "." + mod, ".tmp");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-512");
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest);
                        var zip = new ZipOutputStream(out)) {
                    for (String path : files) {
                        Path file = folder.resolve(path);
                        var entry = new ZipEntry(path);
                        entry.setLastModifiedTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
                        zip.putNextEntry(entry);
                        uncompressed += Files.copy(file, zip);
                        zip.closeEntry();
                    }
                }
                sha512 = HexFormat.of().formatHex(digest.digest());
                move(temporary, packages.resolve(zipName));
            } finally {
                Files.deleteIfExists(temporary);
            }
            long bytes = Files.size(packages.resolve(zipName));
            log.info("packed {} for {}: {} ({} files)", mod, side.name().toLowerCase(Locale.ROOT), zipName,
                    files.size());
            return new ModPackage(mod, side, manifest, sha512, bytes, uncompressed, zipName);
        } catch (IOException e) {
            throw new PayloadException(ResourceErrorCode.ERR_NOT_FOUND, mod, mod + ": cannot pack it into "
                    + packages.resolve(zipName) + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-512", e);
        }
    }

    private void writeListing(Path packages) {
        var listing = new LinkedHashMap<String, List<Map<String, Object>>>();
        listing.put("client", new ArrayList<>());
        listing.put("server", new ArrayList<>());
        for (Packed p : packed.values()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", p.pack().id());
            entry.put("manifest", p.pack().manifest());
            entry.put("date_sha512", p.dateSha512());
            entry.put("sha512", p.pack().sha512());
            entry.put("archive_sha512", p.pack().sha512());
            entry.put("archive_bytes", p.pack().bytes());
            entry.put("uncompressed_bytes", p.pack().uncompressedBytes());
            entry.put("path", p.pack().path());
            listing.get(p.pack().side().name().toLowerCase(Locale.ROOT)).add(entry);
        }
        try {
            Files.createDirectories(packages);
            Path temporary = Files.createTempFile(packages, "." + LISTING, ".tmp");
            try {
                json.writeValue(temporary.toFile(), listing);
                move(temporary, packages.resolve(LISTING));
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            log.error("cannot write {}: {}", packages.resolve(LISTING), e.toString());
        }
    }

    private Optional<Map<String, Object>> manifest(String mod, Path folder, String side) {
        Path file = folder.resolve(side + "/manifest.json");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            file = folder.resolve("manifest.json");
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_MANIFEST) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = json.readValue(file.toFile(), Map.class);
            return Optional.of(manifest);
        } catch (IOException e) {
            throw new PayloadException(ResourceErrorCode.ERR_INVALID_MANIFEST, mod, mod + ": "
                    + folder.relativize(file) + " cannot be read: " + e.getMessage());
        }
    }

    /** The manifest's {@code execute_on} as Staminal's packer names platforms: sorted. */
    private static List<String> executeOn(Map<String, Object> manifest) {
        Object value = manifest.get("execute_on");
        var sides = new ArrayList<String>();
        if (value instanceof String one) {
            sides.add(one);
        } else if (value instanceof List<?> many) {
            many.forEach(side -> sides.add(String.valueOf(side)));
        } else {
            sides.addAll(List.of("client", "server"));
        }
        sides.sort(null);
        return sides;
    }

    private static String fingerprint(String mod, Path folder, List<String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (String path : files) {
                var attributes = Files.readAttributes(folder.resolve(path), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                digest.update((path + '\t' + attributes.size() + '\t' + attributes.lastModifiedTime() + '\n')
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new PayloadException(ResourceErrorCode.ERR_NOT_FOUND, mod, mod + ": cannot read its files: "
                    + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-512", e);
        }
    }

    private boolean started(Deployment deployment) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        return bundle != null && bundle.getState() == Bundle.ACTIVE;
    }

    private Optional<Path> home() {
        return Optional.ofNullable(context.getProperty(ResourceManager.HOME)).map(Path::of);
    }

    private synchronized void remove(String key) {
        Packed gone = packed.remove(key);
        if (gone != null) {
            home().ifPresent(h -> {
                delete(h.resolve(FOLDER).resolve(gone.pack().path()));
                writeListing(h.resolve(FOLDER));
            });
        }
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNINSTALLED) {
            long id = event.getBundle().getBundleId();
            List<String> keys;
            synchronized (this) {
                keys = packed.entrySet().stream().filter(e -> e.getValue().bundleId() == id).map(Map.Entry::getKey)
                        .toList();
            }
            keys.forEach(this::remove);
        }
    }

    private void refuseGameThread() {
        GameThread thread = gameThread;
        if (thread != null && thread.isGameThread()) {
            throw new IllegalStateException("mod packages are packed off the game thread: ask from another thread");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", file, e.toString());
        }
    }
}

package dev.plinth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a start may reuse the framework cache ({@code org.osgi.framework.storage}, {@code data/felix-cache} of the
 * home) the previous start left, instead of rebuilding it: it may when the installation's bundles are the same. The
 * distribution's {@code org.osgi.framework.storage.clean=onFirstInit} then becomes {@code none} for this start.
 *
 * <p>What "the same" means is a fingerprint of the installation, kept in the cache as {@value #FILE} once the
 * framework initialized: every jar of {@code bundle/} and {@code lib/} (name, size, modification time), the
 * installation's {@code conf/} properties files (content) and the Java runtime's version. Any change, a bundle
 * rebuilt or added or removed included, and the cache is cleaned as before; a start that dies before it recorded
 * the fingerprint leaves none, so the next start cleans too. What the framework kept that is not a bundle of
 * {@code bundle/} (resource bundles, which core.resource builds again from {@code resources/} at every start,
 * bundles installed from the shell) is uninstalled before the framework starts ({@link FrameworkRun}), so a reused
 * cache starts from the same bundles a clean one does.
 *
 * <p>Not thread-safe: used once, by the launching thread.
 *
 * @param storage the cache folder, or empty when the configuration names none (the framework's default: no reuse)
 * @param fingerprint the installation's fingerprint now
 */
record FrameworkCache(Optional<Path> storage, String fingerprint) {

    /** The file in the cache folder that holds the fingerprint of the installation that built it. */
    static final String FILE = "plinth-installation.sha256";
    static final String STORAGE = "org.osgi.framework.storage";
    static final String CLEAN = "org.osgi.framework.storage.clean";

    /**
     * Reads the installation's fingerprint.
     *
     * @param installDir the installation
     * @param config the framework properties, for the cache folder
     * @return the cache
     * @throws LaunchException when the installation cannot be read
     */
    static FrameworkCache of(Path installDir, Map<String, String> config) {
        return new FrameworkCache(Optional.ofNullable(config.get(STORAGE)).map(Path::of), fingerprint(installDir));
    }

    /**
     * Whether the cache was built by this installation.
     *
     * @return true when its recorded fingerprint is this installation's
     */
    boolean reusable() {
        return storage.map(folder -> folder.resolve(FILE)).filter(Files::isRegularFile).map(file -> {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip().equals(fingerprint);
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    /**
     * The framework properties for this start.
     *
     * @param config the distribution's
     * @return a copy that keeps the cache ({@code none}) when it is reusable, else {@code config} unchanged
     */
    Map<String, String> configure(Map<String, String> config) {
        if (!reusable()) {
            return config;
        }
        var reused = new HashMap<>(config);
        reused.put(CLEAN, "none");
        return reused;
    }

    /**
     * Records the installation's fingerprint in the cache folder, once the framework has initialized it (cleaned or
     * not): atomically, so a start that dies meanwhile leaves either the old file or the new one.
     *
     * @throws LaunchException when the file cannot be written
     */
    void record() {
        if (storage.isEmpty()) {
            return;
        }
        Path file = storage.get().resolve(FILE);
        try {
            Path partial = Files.createTempFile(storage.get(), FILE, ".part");
            Files.writeString(partial, fingerprint + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LaunchException("cannot record the framework cache's installation in " + file + ": " + e,
                    PlinthFramework.FRAMEWORK_FAILED);
        }
    }

    /** SHA-256 of the installation's jars (name, size, time), its conf/ properties (content) and the Java version. */
    private static String fingerprint(Path installDir) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        digest.update(("java " + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            for (String folder : List.of("bundle", "lib")) {
                for (Path jar : files(installDir.resolve(folder), ".jar")) {
                    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                    digest.update((installDir.relativize(jar) + " " + attributes.size() + " "
                            + attributes.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Path properties : files(installDir.resolve("conf"), ".properties")) {
                digest.update((installDir.relativize(properties) + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(properties));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LaunchException("cannot read the installation " + installDir + ": " + e,
                    PlinthFramework.FRAMEWORK_FAILED);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files of a folder and its subfolders whose names end so, sorted; none when it does not exist. */
    private static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        }
    }
}

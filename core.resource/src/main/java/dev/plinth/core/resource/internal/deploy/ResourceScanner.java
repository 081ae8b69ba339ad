package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.internal.manifest.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the resources in an instance's {@code resources/} folder: each subfolder with a manifest, each zip and
 * each bundle jar is one; a folder whose name is in square brackets ({@code [gameplay]}) is a category, scanned
 * inside (categories nest). Hidden files and folders (a leading {@code .}) are skipped; a plain folder without a
 * manifest is reported once as not a resource.
 */
public final class ResourceScanner {

    private ResourceScanner() {}

    /**
     * What one scan found.
     *
     * @param sources the resources, sorted by relative path
     * @param ignored folders that are neither a resource nor a category, relative to {@code resources/}
     */
    public record Scan(List<ResourceSource> sources, List<String> ignored) {}

    /**
     * Scans a {@code resources/} folder.
     *
     * @param root the folder; a missing one holds nothing
     * @return the resources found
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static Scan scan(Path root) {
        var sources = new ArrayList<ResourceSource>();
        var ignored = new ArrayList<String>();
        if (Files.isDirectory(root)) {
            scan(root, root, sources, ignored);
        }
        return new Scan(List.copyOf(sources), List.copyOf(ignored));
    }

    private static void scan(Path root, Path folder, List<ResourceSource> sources, List<String> ignored) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String relative = root.relativize(entry).toString().replace('\\', '/');
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (name.startsWith("[") && name.endsWith("]")) {
                    scan(root, entry, sources, ignored);
                } else if (Manifests.hasManifest(new FolderFiles(entry))) {
                    sources.add(new ResourceSource(ResourceSource.Kind.FOLDER, entry, relative));
                } else {
                    // A plain folder grouping resources (alt:V's main/plugins/example) is scanned like a category.
                    int before = sources.size();
                    var nested = new java.util.ArrayList<String>();
                    scan(root, entry, sources, nested);
                    if (sources.size() == before) {
                        ignored.add(relative);
                    } else {
                        ignored.addAll(nested);
                    }
                }
            } else if (ResourceSource.isArchive(name)) {
                var kind = name.toLowerCase(Locale.ROOT).endsWith(".jar") ? ResourceSource.Kind.JAR
                        : ResourceSource.Kind.ZIP;
                sources.add(new ResourceSource(kind, entry, relative));
            }
        }
    }

    /**
     * When the source last changed: the newest modification time of its files ({@link #snapshot}).
     *
     * @param source the resource
     * @return milliseconds since the epoch; 0 when the source is gone
     */
    public static long lastModified(ResourceSource source) {
        return snapshot(source).values().stream()
                .mapToLong(sizeAndModified -> Long.parseLong(sizeAndModified.substring(sizeAndModified.indexOf('|') + 1)))
                .max().orElse(0);
    }

    /**
     * What the source holds now: every file's path (relative, with {@code /}), size and modification time, editor
     * temporaries left out. For a zip or a jar, the one file.
     *
     * @param source the resource
     * @return path to {@code size|modified}, sorted by path; empty when the source is gone or cannot be read
     */
    public static SortedMap<String, String> snapshot(ResourceSource source) {
        var files = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(source.path())) {
            for (Path file : walk.toList()) {
                var attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String relative = source.path().relativize(file).toString().replace('\\', '/');
                if (attributes.isRegularFile() && !EditorTemporaries.isTemporaryPath(relative)) {
                    files.put(relative, attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new TreeMap<>();
        }
        return files;
    }

    /**
     * A digest of what the source holds now ({@link #snapshot}): it changes when a file is added, removed or written,
     * not when an editor's temporary comes and goes.
     *
     * @param source the resource
     * @return a hex digest; empty when the source is gone
     */
    public static String fingerprint(ResourceSource source) {
        return fingerprint(snapshot(source));
    }

    /**
     * The digest of a snapshot.
     *
     * @param snapshot what {@link #snapshot} returned
     * @return a hex digest; empty for an empty snapshot
     */
    public static String fingerprint(SortedMap<String, String> snapshot) {
        if (snapshot.isEmpty()) {
            return "";
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        snapshot.forEach((path, stamp) -> digest.update((path + "|" + stamp + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }
}

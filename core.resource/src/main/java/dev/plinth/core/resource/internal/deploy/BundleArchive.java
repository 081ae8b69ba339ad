package dev.plinth.core.resource.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Writes the bundle of a resource: the generated manifest first, then the resource's files unchanged (its own
 * manifest file among them). A jar source is copied as it is. The file is written next to its target and moved in
 * place, so a half-written bundle is never installed. A resource whose files hold more than its
 * {@link DeployLimits} allow (counted as they are unpacked, whatever a zip claims) is refused, and nothing is written.
 */
public final class BundleArchive {

    private BundleArchive() {}

    /**
     * Writes the bundle for a source.
     *
     * @param source the resource on disk
     * @param headers the generated headers (ignored for a jar)
     * @param target the bundle file to write
     * @param limits what the resource may hold
     * @throws FileTooLargeException when the resource holds more than its limits allow
     * @throws IOException when the source cannot be read or the target written
     */
    public static void write(ResourceSource source, Map<String, String> headers, Path target, DeployLimits limits)
            throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        if (source.kind() == ResourceSource.Kind.JAR) {
            Files.copy(source.path(), partial, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (OutputStream file = Files.newOutputStream(partial);
                    JarOutputStream jar = new JarOutputStream(file, manifest(headers))) {
                var budget = new Budget(source.relative(), limits);
                switch (source.kind()) {
                    case FOLDER -> copyFolder(source.path(), jar, budget);
                    case ZIP -> copyZip(source, jar, budget);
                    case JAR -> throw new AssertionError("copied above");
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Manifest manifest(Map<String, String> headers) {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
        return manifest;
    }

    private static void copyFolder(Path folder, JarOutputStream jar, Budget budget) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !EditorTemporaries.isTemporaryPath(folder.relativize(file).toString().replace('\\', '/')))
                    .sorted().toList();
        }
        for (Path file : files) {
            budget.claim(Files.size(file)); // a sparse file of 3 GiB is refused before any of it is copied
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                continue; // the generated manifest takes its place
            }
            jar.putNextEntry(new ZipEntry(name));
            try (InputStream in = Files.newInputStream(file)) {
                budget.copy(in, jar);
            }
            jar.closeEntry();
        }
    }

    private static void copyZip(ResourceSource source, JarOutputStream jar, Budget budget) throws IOException {
        try (ZipFiles zip = ZipFiles.open(source.path(), source.fileName())) {
            List<? extends ZipEntry> entries = zip.zip().stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                budget.claim(Math.max(0, entry.getSize()));
            }
            for (ZipEntry entry : entries) {
                String name = zip.relative(entry);
                if (name == null || name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                jar.putNextEntry(new ZipEntry(name));
                try (InputStream in = zip.zip().getInputStream(entry)) {
                    budget.copy(in, jar); // counted as it unpacks: an entry may claim less than it holds
                }
                jar.closeEntry();
            }
        }
    }

    /** What a resource may still hold: its files are claimed by their size first, then counted again as copied. */
    private static final class Budget {

        private final String resource;
        private final DeployLimits limits;
        private final byte[] buffer = new byte[8192];
        private long claimed;
        private int files;
        private long copied;

        Budget(String resource, DeployLimits limits) {
            this.resource = resource;
            this.limits = limits;
        }

        void claim(long size) throws IOException {
            claimed += size;
            if (++files > limits.maxFiles()) {
                throw FileTooLargeException.files("resources/" + resource, limits.maxFiles(),
                        "for a resource (framework property " + DeployLimits.MAX_FILES_PROPERTY + ")");
            }
            if (claimed > limits.maxBytes()) {
                throw tooLarge(claimed);
            }
        }

        void copy(InputStream in, OutputStream out) throws IOException {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > limits.maxBytes()) {
                    throw tooLarge(-1);
                }
                out.write(buffer, 0, n);
            }
        }

        private FileTooLargeException tooLarge(long size) {
            return FileTooLargeException.bytes("resources/" + resource, size, limits.maxBytes(),
                    "for a resource (framework property " + DeployLimits.MAX_SIZE_PROPERTY + ")");
        }
    }
}

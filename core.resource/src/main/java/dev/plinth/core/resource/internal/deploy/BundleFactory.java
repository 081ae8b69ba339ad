package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import dev.plinth.core.resource.internal.manifest.Manifests;
import dev.plinth.core.sandbox.files.FileBoundary;
import dev.plinth.core.sandbox.files.FileBoundaryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the bundle file of a resource source: reads its manifest and writes a bundle with the generated headers,
 * or copies a jar. Each build gets a file of its own (named after the source and its fingerprint) in the work
 * folder, so the previous one stays available for a rollback. Expensive (reads every file): never called on the
 * game thread.
 *
 * @param workFolder where bundle files are written (the core.resource bundle's data area)
 * @param limits what one resource may hold
 * @param warnings receives, at each build, the warnings about the manifest's keys that Plinth does not read
 */
public record BundleFactory(Path workFolder, DeployLimits limits, Consumer<String> warnings) {

    /**
     * A bundle file, built.
     *
     * @param descriptor the manifest read; empty for a jar, whose descriptor comes from the installed bundle
     * @param file the bundle file
     * @param fingerprint the source's fingerprint at the time of the build
     * @param files the source's files at the time of the build ({@link ResourceScanner#snapshot})
     */
    public record Built(Optional<ResourceDescriptor> descriptor, Path file, String fingerprint,
            SortedMap<String, String> files) {

        /** Copies the files. */
        public Built {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }
    }

    /**
     * Builds the bundle of a source.
     *
     * @param source the resource on disk
     * @return the bundle file and what it was built from
     * @throws ManifestException when the manifest is missing or invalid
     * @throws UncheckedIOException when the source cannot be read or the file written
     */
    public Built build(ResourceSource source) {
        SortedMap<String, String> files = ResourceScanner.snapshot(source);
        String fingerprint = ResourceScanner.fingerprint(files);
        Path file = workFolder.resolve(source.relative().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + (fingerprint.isEmpty() ? "gone" : fingerprint) + "-" + System.nanoTime() + ".jar");
        try {
            if (source.kind() == ResourceSource.Kind.JAR) {
                BundleArchive.write(source, java.util.Map.of(), file, limits);
                return new Built(Optional.empty(), file, fingerprint, files);
            }
            if (source.kind() == ResourceSource.Kind.FOLDER) {
                refuseLinks(source);
            }
            ResourceDescriptor descriptor;
            try (var open = source.open()) {
                descriptor = Manifests.read(open.files(), warnings).orElseThrow(() -> new ManifestException(
                        ResourceErrorCode.ERR_INVALID_MANIFEST, source.fileName(), source.relative(), 0, "",
                        "no manifest (resource.toml, plugin.toml, meta.json or manifest.json) in it"));
            }
            BundleArchive.write(source, BundleHeaders.of(descriptor, source.relative()), file, limits);
            return new Built(Optional.of(descriptor), file, fingerprint, files);
        } catch (FileTooLargeException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the bundle of " + source.relative() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a folder that holds symbolic links: what a link points at is outside the resource (another resource,
     * the server's data), so a resource never reaches it, neither in its bundle nor through its config assets.
     */
    private static void refuseLinks(ResourceSource source) {
        List<String> links;
        try {
            links = new FileBoundary(source.fileName(), source.path()).links();
        } catch (FileBoundaryException e) {
            throw new UncheckedIOException(e.getMessage(), new IOException(e));
        }
        if (!links.isEmpty()) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, source.fileName(), source.relative(), 0,
                    "", "it holds symbolic links (" + String.join(", ", links) + "): a resource's files must be in its "
                            + "folder, not links to elsewhere; copy them in instead");
        }
    }

    /**
     * Deletes a bundle file that is no longer needed.
     *
     * @param file the file
     */
    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover in the framework's data area; it goes with the cache
        }
    }
}

package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.reload.ResourceContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The files of a built bundle, as a {@link ResourceContent}: the resource's files as they will be once the bundle is
 * installed (the generated {@code META-INF/MANIFEST.MF} aside). Open until closed.
 *
 * <p>Thread-safe for reading ({@link JarFile} is).
 */
public final class BundleContent implements ResourceContent, AutoCloseable {

    private final JarFile jar;
    private final List<String> paths;

    private BundleContent(JarFile jar) {
        this.jar = jar;
        this.paths = jar.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                .filter(name -> !name.equals(JarFile.MANIFEST_NAME)).sorted().toList();
    }

    /**
     * Opens a bundle file.
     *
     * @param file the built bundle
     * @return its content
     * @throws IOException when it cannot be opened
     */
    public static BundleContent open(Path file) throws IOException {
        return new BundleContent(new JarFile(file.toFile(), false));
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        ZipEntry entry = jar.getEntry(path);
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return Optional.of(in.readAllBytes());
        }
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }
}

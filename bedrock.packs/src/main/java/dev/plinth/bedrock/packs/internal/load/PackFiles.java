package dev.plinth.bedrock.packs.internal.load;

import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.core.sandbox.files.FileBoundary;
import dev.plinth.core.sandbox.files.FileBoundaryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * The files of a pack, as the loader reads them: a resource bundle's entries (what the deployer copied from the
 * pack's folder, which holds no links), the next content of a hot reload, or a folder on disk (tests, benchmarks)
 * reached through core.sandbox's file boundary.
 *
 * <p>Thread-safe: read from the loader's threads.
 */
public interface PackFiles {

    /**
     * The files below a top-level folder, at any depth.
     *
     * @param folder the folder ({@code entities})
     * @return paths relative to the pack, with {@code /}, sorted
     * @throws IOException when the folder cannot be listed
     */
    List<String> list(String folder) throws IOException;

    /**
     * The top-level folders.
     *
     * @return their names, sorted
     * @throws IOException when the pack cannot be listed
     */
    List<String> folders() throws IOException;

    /**
     * Reads a file.
     *
     * @param path relative to the pack
     * @param limit the most bytes to read
     * @return its content
     * @throws IOException when it cannot be read or is larger than the limit
     */
    byte[] read(String path, int limit) throws IOException;

    /**
     * The entries of a resource bundle.
     *
     * @param bundle the pack's bundle (installed, resolved or active)
     * @return its files
     */
    static PackFiles of(Bundle bundle) {
        return new BundleFiles(bundle);
    }

    /**
     * A folder on disk, its files reached through core.sandbox's {@link FileBoundary}.
     *
     * @param root the pack's folder (its name names the pack in errors)
     * @return its files
     */
    static PackFiles of(Path root) {
        return new FolderFiles(new FileBoundary(String.valueOf(root.getFileName()), root));
    }

    /**
     * The next content of a resource, before it is installed (a hot reload's preparation).
     *
     * @param content its files
     * @return its files as the loader reads them
     */
    static PackFiles of(ResourceContent content) {
        return new NextContent(content);
    }

    /** Reads at most {@code limit} bytes, failing beyond. */
    private static byte[] readBounded(InputStream in, String path, int limit) throws IOException {
        byte[] content = in.readNBytes(limit + 1);
        if (content.length > limit) {
            throw new IOException(path + " is larger than " + limit + " bytes");
        }
        return content;
    }

    /**
     * A bundle's entries.
     *
     * @param bundle the bundle
     */
    record BundleFiles(Bundle bundle) implements PackFiles {
        @Override
        public List<String> list(String folder) {
            Enumeration<URL> entries = bundle.findEntries(folder, "*", true);
            var paths = new ArrayList<String>();
            for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String path = entry.getPath().startsWith("/") ? entry.getPath().substring(1) : entry.getPath();
                if (!path.endsWith("/")) {
                    paths.add(path);
                }
            }
            paths.sort(null);
            return paths;
        }

        @Override
        public List<String> folders() {
            var folders = new ArrayList<String>();
            Enumeration<String> paths = bundle.getEntryPaths("/");
            for (String path : paths == null ? Collections.<String>emptyList() : Collections.list(paths)) {
                if (path.endsWith("/") && !path.equals("META-INF/")) {
                    folders.add(path.substring(0, path.length() - 1));
                }
            }
            folders.sort(null);
            return folders;
        }

        @Override
        public byte[] read(String path, int limit) throws IOException {
            URL entry = bundle.getEntry(path);
            if (entry == null) {
                throw new IOException(path + " is not in the pack");
            }
            try (InputStream in = entry.openStream()) {
                return readBounded(in, path, limit);
            }
        }
    }

    /**
     * A resource's next content, read before it is installed.
     *
     * @param content its files
     */
    record NextContent(ResourceContent content) implements PackFiles {
        @Override
        public List<String> list(String folder) {
            return content.paths().stream().filter(p -> p.startsWith(folder + "/")).sorted().toList();
        }

        @Override
        public List<String> folders() {
            return content.paths().stream().filter(p -> p.indexOf('/') > 0).map(p -> p.substring(0, p.indexOf('/')))
                    .filter(f -> !f.equals("META-INF")).distinct().sorted().toList();
        }

        @Override
        public byte[] read(String path, int limit) throws IOException {
            byte[] bytes = content.read(path).orElseThrow(() -> new IOException(path + " is not in the pack"));
            if (bytes.length > limit) {
                throw new IOException(path + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    /**
     * A folder on disk, read through core.sandbox's {@link FileBoundary}: neither a {@code ..} nor a symbolic link
     * leads out of it. Links are listed as files (links are not followed while listing); reading one that points
     * inside the pack reads its target, reading one that points outside fails, naming the pack and the file.
     *
     * @param boundary the pack's folder
     */
    record FolderFiles(FileBoundary boundary) implements PackFiles {
        @Override
        public List<String> list(String folder) throws IOException {
            Path root = boundary.root();
            Path start = root.resolve(folder);
            if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(start)) {
                return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                throw cannotList(folder, e);
            }
        }

        @Override
        public List<String> folders() throws IOException {
            try (Stream<Path> list = Files.list(boundary.root())) {
                return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                throw cannotList("", e);
            }
        }

        @Override
        public byte[] read(String path, int limit) throws IOException {
            Path file;
            try {
                file = boundary.resolve(path);
            } catch (FileBoundaryException e) {
                throw new IOException(e.getMessage(), e);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readBounded(in, path, limit);
            }
        }

        /** A listing that failed, naming the pack and the folder (the pack's own folder when empty). */
        private IOException cannotList(String folder, Exception e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            return new IOException(boundary.resource() + ": cannot list " + (folder.isEmpty() ? "the pack's folder "
                    + boundary.root() : folder + "/") + ": " + cause, cause);
        }
    }
}

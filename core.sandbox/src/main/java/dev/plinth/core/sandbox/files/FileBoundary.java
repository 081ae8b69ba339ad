package dev.plinth.core.sandbox.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One folder a resource may reach (its resource folder, or its data folder), and the only way to turn a path the
 * resource names into a file: {@link #resolve} refuses paths that leave the folder, by name ({@code ..}, absolute
 * paths) or by a symbolic link anywhere on the way. Immutable; the checks read the file system each time.
 *
 * @param resource the resource, for messages
 * @param root the folder
 */
public record FileBoundary(String resource, Path root) {

    /** Validates the components. */
    public FileBoundary {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(root, "root");
    }

    /**
     * The real file behind a path of the resource, for reading or writing: the path resolved against the folder's
     * real path with every symbolic link followed. A file that does not exist yet resolves through its nearest
     * existing folder, which must be inside.
     *
     * @param relative a path relative to the folder, with {@code /}
     * @return the real path, inside the folder's real path
     * @throws FileBoundaryException when the path is absolute, has {@code ..}, or reaches outside through a link,
     *     or when the folder itself cannot be read
     */
    public Path resolve(String relative) {
        String normalized = relative.replace('\\', '/');
        if (normalized.isEmpty() || normalized.startsWith("/") || normalized.matches("[A-Za-z]:.*")
                || normalized.indexOf('\0') >= 0 || List.of(normalized.split("/")).contains("..")) {
            throw new FileBoundaryException(resource, resource + ": '" + relative + "' leaves " + root.getFileName()
                    + "; paths are relative to it, without '..'");
        }
        Path realRoot = realRoot();
        Path candidate = realRoot.resolve(normalized).normalize();
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? null : existing.toRealPath();
        } catch (IOException e) {
            // a dangling link: it points at something that is not there, and so is not inside either
            throw escape(relative);
        }
        if (real == null || !real.startsWith(realRoot)) {
            throw escape(relative);
        }
        return real.resolve(existing.relativize(candidate));
    }

    /**
     * The symbolic links inside the folder (not followed), for a deployer that refuses them.
     *
     * @return their paths relative to the folder, with {@code /}, sorted
     * @throws FileBoundaryException when the folder cannot be walked
     */
    public List<String> links() {
        var links = new ArrayList<String>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isSymbolicLink)
                    .forEach(link -> links.add(root.relativize(link).toString().replace('\\', '/')));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FileBoundaryException(resource, resource + ": cannot read " + root + ": " + e.getMessage());
        }
        links.sort(null);
        return List.copyOf(links);
    }

    /**
     * Refuses content above a size quota before it is written.
     *
     * @param relative the file, for the message
     * @param bytes the content's size
     * @param quota the most a file of the resource may hold
     * @throws FileBoundaryException when the content is larger than the quota
     */
    public void checkQuota(String relative, long bytes, long quota) {
        if (bytes > quota) {
            throw new FileBoundaryException(resource, resource + ": " + relative + " would hold " + bytes
                    + " bytes, more than the quota of " + quota + " bytes per file");
        }
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new FileBoundaryException(resource, resource + ": its folder " + root + " cannot be read: " + e);
        }
    }

    private FileBoundaryException escape(String relative) {
        return new FileBoundaryException(resource, resource + ": '" + relative + "' leaves " + root.getFileName()
                + " through a symbolic link; a resource reaches only its own files");
    }
}

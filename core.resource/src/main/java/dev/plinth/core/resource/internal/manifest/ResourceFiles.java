package dev.plinth.core.resource.internal.manifest;

import java.io.IOException;

/**
 * The files of one resource, wherever they are: a folder, a zip, a bundle. Paths use {@code /} and are relative to
 * the resource root.
 */
public interface ResourceFiles {

    /**
     * The resource's own name as the file system gives it: the folder's name, the zip's without {@code .zip}.
     *
     * @return the name
     */
    String name();

    /**
     * Whether a file exists.
     *
     * @param path relative to the resource root
     * @return {@code true} for a regular file
     */
    boolean exists(String path);

    /**
     * Reads a file, unless it holds more than a limit: a larger file is refused before it is read, and reading
     * stops as soon as it passes the limit (a zip entry may claim a smaller size than it unpacks to).
     *
     * @param path relative to the resource root
     * @param maxBytes the most bytes the caller accepts
     * @return its bytes
     * @throws FileTooLargeException when it holds more than {@code maxBytes}
     * @throws IOException when it is missing or cannot be read
     */
    byte[] read(String path, long maxBytes) throws IOException;
}

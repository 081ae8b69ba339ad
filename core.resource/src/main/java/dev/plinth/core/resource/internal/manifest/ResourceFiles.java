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
     * Reads a file.
     *
     * @param path relative to the resource root
     * @return its bytes
     * @throws IOException when it is missing or cannot be read
     */
    byte[] read(String path) throws IOException;
}

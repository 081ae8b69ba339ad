package dev.plinth.lang.js.internal.engine;

import java.io.IOException;
import java.util.Optional;

/**
 * The files of one resource as its modules see them: paths relative to the resource root, read-only. A resource
 * bundle's entries, never its class path and never the disk outside it.
 *
 * <p>Thread-safe.
 */
@FunctionalInterface
public interface ModuleFiles {

    /**
     * Reads one file.
     *
     * @param path a path relative to the resource root, {@code /}-separated, without {@code .} or {@code ..}
     * @return its bytes, empty when there is no such file
     * @throws IOException when it cannot be read
     */
    Optional<byte[]> read(String path) throws IOException;
}

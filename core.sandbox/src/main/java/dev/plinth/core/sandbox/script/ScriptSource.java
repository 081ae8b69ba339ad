package dev.plinth.core.sandbox.script;

import java.io.IOException;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The files of a script, the only ones it can run or load ({@code require}, relative imports). Paths are relative to
 * the script's root, with {@code /}.
 */
@ConsumerType
@FunctionalInterface
public interface ScriptSource {

    /**
     * Reads one file.
     *
     * @param path a normalized relative path such as {@code lib/util.lua}
     * @return its bytes, empty when there is no such file
     * @throws IOException when the file exists but cannot be read
     */
    Optional<byte[]> read(String path) throws IOException;
}

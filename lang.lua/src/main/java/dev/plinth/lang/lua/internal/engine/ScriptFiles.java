package dev.plinth.lang.lua.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one resource, the only ones its scripts can load ({@code require}). Paths are relative to the
 * resource root and use {@code /}.
 */
@FunctionalInterface
public interface ScriptFiles {

    /**
     * Reads one file of the resource.
     *
     * @param path a normalized relative path such as {@code lib/util.lua}
     * @return its bytes, or empty when the resource has no such file
     * @throws IOException when the file exists but cannot be read
     */
    Optional<byte[]> read(String path) throws IOException;

    /**
     * Files held in memory, for tests and tools.
     *
     * @param files path to UTF-8 source
     * @return the files
     */
    static ScriptFiles of(Map<String, String> files) {
        var copy = Map.copyOf(files);
        return path -> Optional.ofNullable(copy.get(path)).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The files of a folder.
     *
     * @param root the resource folder
     * @return the files below it
     */
    static ScriptFiles directory(Path root) {
        return path -> {
            try {
                return Optional.of(Files.readAllBytes(root.resolve(path)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        };
    }
}

package dev.plinth.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies folders for tests: an installation's example resources into a test home, a sample out of the corpus.
 *
 * <p>Stateless and thread-safe.
 */
public final class Folders {

    private Folders() {}

    /**
     * Copies a folder and everything below it.
     *
     * @param from the folder to copy
     * @param to where the copy goes; created, and must not hold any of the files yet
     * @return {@code to}
     * @throws IOException when a file cannot be read or written, or already exists
     */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }
}

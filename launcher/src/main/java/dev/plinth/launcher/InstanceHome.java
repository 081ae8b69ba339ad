package dev.plinth.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of one server instance: {@code resources/} (where resources are dropped), {@code conf/server.json}
 * and {@code data/} (the framework cache and every resource's data). One installation serves many homes.
 *
 * @param root the home folder
 */
public record InstanceHome(Path root) {

    /** The files of the installation's {@code conf/} that every home gets a copy of when it has none. */
    static final List<String> DEFAULT_CONFIG = List.of("server.json");

    /** Where resources are dropped. */
    public Path resources() {
        return root.resolve("resources");
    }

    /** The instance's own configuration. */
    public Path conf() {
        return root.resolve("conf");
    }

    /** Persistent state: the framework cache and the resources' data folders. */
    public Path data() {
        return root.resolve("data");
    }

    /**
     * Creates the missing folders and copies the defaults from the installation, never overwriting a file the home
     * already has: {@code conf/server.json}, and, for a home without a {@code resources/} folder, the installation's
     * resources (the examples that the default {@code StartupResources} names).
     *
     * @param installDir the installation folder whose {@code conf/} and {@code resources/} hold the defaults
     * @throws LaunchException when the home cannot be created or written
     */
    public void prepare(Path installDir) {
        try {
            Path installResources = installDir.resolve("resources");
            if (!Files.exists(resources()) && Files.isDirectory(installResources)) {
                copyTree(installResources, resources());
            }
            Files.createDirectories(resources());
            Files.createDirectories(conf());
            Files.createDirectories(data());
            for (String name : DEFAULT_CONFIG) {
                Path source = installDir.resolve("conf").resolve(name);
                Path target = conf().resolve(name);
                if (Files.exists(source) && !Files.exists(target)) {
                    copyIfAbsent(source, target);
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot prepare the instance home " + root + ": " + e, 1);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    copyIfAbsent(path, copy);
                }
            }
        }
    }

    private static void copyIfAbsent(Path source, Path target) throws IOException {
        try {
            Files.copy(source, target);
        } catch (FileAlreadyExistsException raced) {
            // another instance created it first: keep theirs
        }
    }
}

package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.internal.manifest.ResourceFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One resource on disk in the instance's {@code resources/} folder.
 *
 * @param kind a folder, a zip or a bundle jar
 * @param path the folder or file
 * @param relative its path relative to {@code resources/}, with {@code /}: {@code [gameplay]/chat-demo}
 */
public record ResourceSource(Kind kind, Path path, String relative) {

    /** What the source is. */
    public enum Kind {
        /** A folder with its manifest. */
        FOLDER,
        /** A zip with its manifest at the root or in its one top folder. */
        ZIP,
        /** An OSGi bundle: a Java plugin. */
        JAR
    }

    /** Validates the components. */
    public ResourceSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relative, "relative");
    }

    /** How the location of every bundle deployed from {@code resources/} starts. */
    public static final String LOCATION_PREFIX = "plinth:resources/";

    /**
     * The bundle location of the resource built from this source.
     *
     * @return {@value #LOCATION_PREFIX} followed by the relative path
     */
    public String location() {
        return LOCATION_PREFIX + relative;
    }

    /**
     * The name the file system gives it: the folder's name, or the file's without its extension.
     *
     * @return the name
     */
    public String fileName() {
        String name = path.getFileName().toString();
        return kind == Kind.FOLDER ? name : name.substring(0, name.lastIndexOf('.'));
    }

    /**
     * Opens its files for reading the manifest; close it after use.
     *
     * @return the files
     * @throws IOException when a zip cannot be opened
     */
    public OpenFiles open() throws IOException {
        return switch (kind) {
            case FOLDER -> new OpenFiles(new FolderFiles(path), () -> {});
            case ZIP -> {
                var zip = ZipFiles.open(path, fileName());
                yield new OpenFiles(zip, zip::close);
            }
            case JAR -> throw new IllegalStateException("a bundle has no manifest files: " + path);
        };
    }

    /** Whether a file name is a zip or jar the deployer handles. */
    static boolean isArchive(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".jar");
    }

    /**
     * A source's files, open until closed.
     *
     * @param files the files
     * @param closer what closing releases
     */
    public record OpenFiles(ResourceFiles files, Closeable closer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            closer.close();
        }
    }
}

package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.internal.manifest.ResourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a resource folder.
 *
 * @param root the folder
 */
public record FolderFiles(Path root) implements ResourceFiles {

    @Override
    public String name() {
        return root.getFileName().toString();
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(resolve(path));
    }

    private Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IllegalArgumentException(path + " leaves " + root);
        }
        return file;
    }
}

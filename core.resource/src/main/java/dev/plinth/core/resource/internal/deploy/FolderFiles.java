package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import dev.plinth.core.resource.internal.manifest.ResourceFiles;
import java.io.IOException;
import java.io.InputStream;
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
    public byte[] read(String path, long maxBytes) throws IOException {
        Path file = resolve(path);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw FileTooLargeException.bytes(path, size, maxBytes, "");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ZipFiles.readAtMost(in, path, maxBytes); // it may grow while it is read
        }
    }

    private Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IllegalArgumentException(path + " leaves " + root);
        }
        return file;
    }
}

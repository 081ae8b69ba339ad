package dev.plinth.core.resource.payload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the content of one payload file is, for serving it.
 *
 * @param resource the resource it belongs to
 * @param file the file as the payload lists it
 * @param realPath the file on disk, its real path, inside the resource's folder
 */
public record PayloadSource(String resource, PayloadFile file, Path realPath) {

    /** Validates the components. */
    public PayloadSource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(realPath, "realPath");
    }
}

package dev.plinth.core.resource.descriptor;

import java.util.Objects;

/**
 * A file a manifest declares as an asset: data the resource ships, never executed.
 *
 * @param path the file, relative to the resource root ({@code config/data.json})
 * @param type the payload category: {@code asset}, {@code config}, {@code ui}, {@code theme}...
 * @param cache whether clients may cache it (default true)
 */
public record AssetFile(String path, String type, boolean cache) {

    /** Validates the components. */
    public AssetFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }
}

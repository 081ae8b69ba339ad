package dev.plinth.core.resource.descriptor;

import java.util.Objects;

/**
 * A script a manifest declares.
 *
 * @param path the file, relative to the resource root
 * @param side where it runs
 * @param cache whether clients may cache it (meta.json's {@code cache} / {@code noCache}; default true)
 */
public record ScriptFile(String path, Side side, boolean cache) {

    /** Validates the components. */
    public ScriptFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(side, "side");
    }
}

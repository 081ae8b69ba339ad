package dev.plinth.lang.js.internal.host;

import dev.plinth.lang.js.internal.engine.ModuleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;

/**
 * The files of a resource bundle as modules: its entries, never its class path or its imports.
 *
 * @param bundle the resource bundle
 * @param onLoad told the path of each file read: a running resource's modules count its loads, for hot reload
 */
record BundleModuleFiles(Bundle bundle, Consumer<String> onLoad) implements ModuleFiles {

    /**
     * The files of a bundle, read by a preparation: reading is not loading, nothing is told.
     *
     * @param bundle the resource bundle
     */
    BundleModuleFiles(Bundle bundle) {
        this(bundle, path -> {});
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null || path.endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readAllBytes();
            onLoad.accept(path);
            return Optional.of(bytes);
        }
    }
}

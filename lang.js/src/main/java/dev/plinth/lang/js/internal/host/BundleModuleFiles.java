package dev.plinth.lang.js.internal.host;

import dev.plinth.lang.js.internal.engine.ModuleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import org.osgi.framework.Bundle;

/** The files of a resource bundle as modules: its entries, never its class path or its imports. */
record BundleModuleFiles(Bundle bundle) implements ModuleFiles {

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null || path.endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }
}

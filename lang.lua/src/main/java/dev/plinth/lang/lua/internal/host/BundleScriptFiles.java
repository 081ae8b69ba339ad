package dev.plinth.lang.lua.internal.host;

import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import org.osgi.framework.Bundle;

/** The files of a resource bundle: its entries (never its class path or its imports). */
final class BundleScriptFiles implements ScriptFiles {

    private final Bundle bundle;

    BundleScriptFiles(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }
}

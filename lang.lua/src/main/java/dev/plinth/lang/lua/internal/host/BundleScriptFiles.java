package dev.plinth.lang.lua.internal.host;

import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;

/**
 * The files of a resource bundle: its entries (never its class path or its imports). The files of a running resource
 * tell who counts its loads each file they read ({@code require}, the server scripts), so that an edit to a file it
 * loaded reloads it even under a client pattern.
 */
final class BundleScriptFiles implements ScriptFiles {

    private final Bundle bundle;
    private final Consumer<String> onLoad;

    /**
     * The files of a bundle, read by a preparation: reading is not loading, nothing is told.
     *
     * @param bundle the resource bundle
     */
    BundleScriptFiles(Bundle bundle) {
        this(bundle, path -> {});
    }

    /**
     * The files of a running resource.
     *
     * @param bundle the resource bundle
     * @param onLoad told the path of each file read
     */
    BundleScriptFiles(Bundle bundle, Consumer<String> onLoad) {
        this.bundle = bundle;
        this.onLoad = onLoad;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readAllBytes();
            onLoad.accept(path);
            return Optional.of(bytes);
        }
    }
}

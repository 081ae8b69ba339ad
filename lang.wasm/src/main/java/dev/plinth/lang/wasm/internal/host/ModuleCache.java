package dev.plinth.lang.wasm.internal.host;

import dev.plinth.lang.wasm.internal.module.PreparedModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last module loaded for each resource, by content: a hot reload compiles the next content off the game thread
 * ({@link WasmPreparation}) and the start that swaps it in finds it here, as does a restart whose module did not
 * change. One module per resource name, so a resource that changes a hundred times keeps one compiled module, and
 * the resource's module goes when its bundle is uninstalled.
 *
 * <p>Two instances of one prepared module never run at once: a resource's previous version is stopped before its
 * next one is instantiated. Thread-safe.
 */
final class ModuleCache {

    private final Map<String, Entry> modules = new ConcurrentHashMap<>();

    /**
     * The module of a resource's content, loaded now unless the same content was loaded last.
     *
     * @param resource the resource
     * @param file the module file
     * @param content its bytes
     * @param maxPages the memory the resource may have (a part of what the module is loaded with)
     * @param compiled whether it is compiled (the other part)
     * @param load what loads it
     * @return the module
     * @throws RuntimeException what {@code load} throws; nothing is kept then
     */
    PreparedModule get(String resource, String file, byte[] content, int maxPages, boolean compiled,
            Supplier<PreparedModule> load) {
        var key = new Key(file, digest(content), maxPages, compiled);
        Entry last = modules.get(resource);
        if (last != null && last.key().equals(key)) {
            return last.module();
        }
        PreparedModule module = load.get();
        modules.put(resource, new Entry(key, module));
        return module;
    }

    /**
     * Forgets a resource's module: its bundle is gone.
     *
     * @param resource the resource
     */
    void forget(String resource) {
        modules.remove(resource);
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What a module was loaded from and with. */
    private record Key(String file, byte[] digest, int maxPages, boolean compiled) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && file.equals(k.file) && Arrays.equals(digest, k.digest)
                    && maxPages == k.maxPages && compiled == k.compiled;
        }

        @Override
        public int hashCode() {
            return 31 * file.hashCode() + Arrays.hashCode(digest);
        }
    }

    private record Entry(Key key, PreparedModule module) {}
}

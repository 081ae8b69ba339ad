package dev.plinth.client.internal.script;

import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.OwnedEventBus;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.script.ScriptEngine;
import dev.plinth.core.sandbox.script.ScriptImport;
import dev.plinth.core.sandbox.script.ScriptImports;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.core.sandbox.script.ScriptSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Loads a client resource's scripts: each runs on the engine of its language (the Lua host's, the JavaScript
 * host's), sandboxed and limited as the host's resources are, with the client API ({@link ResourceApi}), reading its
 * files by hash from the client's cache; its timers run on the client's loop, its {@code @id} imports reach what the
 * caller allows (a mod: the mods it requires).
 *
 * <p>Thread-safe.
 */
public final class ClientScripts {

    private static final long TICK_NANOS = 50_000_000L;

    private final String player;
    private final DetachedEventBus bus;
    private final Function<String, Optional<ScriptEngine>> engines;
    private final Function<String, ScriptLog> logs;
    private final ClientSide client;
    private final FileReader files;
    private final ClientLoop loop;

    /** Reads a file of the client's by its hash. */
    @FunctionalInterface
    public interface FileReader {
        /**
         * Reads one file.
         *
         * @param hash its SHA-256
         * @return its bytes, empty when the client does not have it
         * @throws IOException when it cannot be read
         */
        Optional<byte[]> read(String hash) throws IOException;
    }

    /**
     * Creates the loader of one client.
     *
     * @param player the player, for the scripts' account names
     * @param bus the client's bus
     * @param engines the engine of a script file, by its name
     * @param logs the log of a resource
     * @param client what the scripts reach of the client
     * @param files the client's files by hash
     * @param loop the client's loop, which runs the scripts' timers and waits for their {@code async} hooks
     */
    public ClientScripts(String player, DetachedEventBus bus, Function<String, Optional<ScriptEngine>> engines,
            Function<String, ScriptLog> logs, ClientSide client, FileReader files, ClientLoop loop) {
        this.player = player;
        this.bus = bus;
        this.engines = engines;
        this.logs = logs;
        this.client = client;
        this.files = files;
        this.loop = loop;
    }

    /**
     * Loads a resource: runs its scripts in order (a mod: its entry).
     *
     * @param listing the resource's listing
     * @param scripts the scripts to run, in order
     * @param imports what its {@code @id} imports reach
     * @param onFatal told why, when its runtime is closed for breaking its limits
     * @return its loaded scripts
     * @throws LoadFailure when a script has no engine here, or fails (the message names the file and the line)
     */
    public LoadedScripts load(PayloadListing listing, List<String> scripts, ScriptImports imports,
            Consumer<String> onFatal) {
        String name = listing.name();
        OwnedEventBus view = bus.open(name);
        ScriptLog log = logs.apply(name);
        if (scripts.isEmpty()) {
            return new LoadedScripts(Optional.empty(), view, log, Map.of(), loop);
        }
        ScriptEngine engine = null;
        for (String script : scripts) {
            ScriptEngine found = engines.apply(script).orElse(null);
            if (found == null || (engine != null && found != engine)) {
                view.close();
                log.close();
                throw new LoadFailure(name + ": " + script + (found == null
                        ? " is in a language this client has no script engine for"
                        : " is " + found.language() + " but " + scripts.getFirst() + " is " + engine.language()
                                + ": the client scripts of one resource share one language"));
            }
            engine = found;
        }
        ScriptRuntime runtime;
        try {
            runtime = engine.open(ScriptSetup.of(name, source(listing), log)
                    .withAccount(player + "/" + name)
                    .withTicks(() -> System.nanoTime() / TICK_NANOS)
                    .withImports(imports)
                    .withTimers(loop)
                    .onFatal(onFatal)
                    .withGlobals(ResourceApi.globals(name, view, client, log)));
        } catch (ScriptRunException e) {
            view.close();
            log.close();
            throw new LoadFailure(e.getMessage());
        }
        Map<String, @Nullable Object> exports = new LinkedHashMap<>();
        try {
            for (String script : scripts) {
                Object returned = runtime.run(script);
                if (returned instanceof Map<?, ?> map) {
                    map.forEach((key, value) -> exports.put(String.valueOf(key), value));
                }
            }
        } catch (ScriptRunException e) {
            runtime.close();
            view.close();
            throw new LoadFailure(e.getMessage());
        }
        return new LoadedScripts(Optional.of(runtime), view, log, exports, loop);
    }

    /**
     * Another resource's files as an {@code @id} import reaches them: read by hash from the client's cache.
     *
     * @param listing the other resource's listing
     * @param entry its entry, relative to its root
     * @return what the import reaches
     */
    public ScriptImport.Found importable(PayloadListing listing, String entry) {
        return new ScriptImport.Found(source(listing), entry);
    }

    private ScriptSource source(PayloadListing listing) {
        var hashes = new LinkedHashMap<String, String>();
        listing.files().forEach(entry -> hashes.put(entry.path(), entry.hash()));
        return path -> {
            String hash = hashes.get(path);
            return hash == null ? Optional.empty() : files.read(hash);
        };
    }

    /** A resource could not be loaded; the message names the resource, the file and the line. */
    public static final class LoadFailure extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        LoadFailure(String message) {
            super(message);
        }
    }
}

package dev.plinth.lang.lua.internal.reload;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.lang.lua.internal.engine.LuaSource;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;

/**
 * The Lua host's part before a hot reload: compiles the next content of a Lua resource with LuaJC while the running
 * version still serves, and keeps each file's class by its source, so that the swap on the game thread only
 * instantiates classes and parses none of the files prepared. A server script (the manifest's {@code main} and server
 * scripts) that does not parse refuses the reload, with the file and the line; the other {@code .lua} files (modules
 * for {@code require}) are compiled when they can be, and report their errors when they are required.
 *
 * <p>Thread-safe; called off the game thread.
 */
public final class LuaPreparation implements ReloadPreparation {

    private final Optional<CompiledChunks> chunks;

    /**
     * Creates the preparation.
     *
     * @param chunks where the compiled classes are kept for the start; empty when the host interprets (the scripts
     *     are then only parsed, to refuse those that do not)
     */
    public LuaPreparation(Optional<CompiledChunks> chunks) {
        this.chunks = chunks;
    }

    @Override
    public void prepare(ResourceDescriptor next, ResourceContent content) {
        if (next.language() != Language.LUA) {
            return;
        }
        List<String> scripts = next.serverScripts();
        for (String file : scripts) {
            Optional<byte[]> bytes = read(next.name(), content, file);
            if (bytes.isEmpty()) {
                throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, next.name(), next.name() + ": "
                        + next.manifestPath() + " names " + file + ", which is not in the resource");
            }
            var source = new LuaSource(file, bytes.get());
            Prototype prototype;
            try {
                prototype = source.parse();
            } catch (LuaError e) {
                throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, next.name(),
                        next.name() + ": " + e.getMessage(), e);
            }
            keep(next.name(), source, prototype);
        }
        for (String file : content.paths()) {
            if (file.endsWith(".lua") && !scripts.contains(file)) {
                try {
                    read(next.name(), content, file).map(bytes -> new LuaSource(file, bytes))
                            .ifPresent(source -> keep(next.name(), source, source.parse()));
                } catch (RuntimeException e) {
                    // a module is checked when it is required
                }
            }
        }
    }

    /** Compiles a chunk when the host compiles; one LuaJC cannot compile runs interpreted, as at any start. */
    private void keep(String resource, LuaSource source, Prototype prototype) {
        try {
            chunks.ifPresent(compiled -> compiled.keep(resource, source, prototype));
        } catch (RuntimeException | LinkageError e) {
            // interpreted at the start
        }
    }

    private static Optional<byte[]> read(String resource, ResourceContent content, String file) {
        try {
            return content.read(file);
        } catch (IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, resource, resource + ": cannot read "
                    + file + " of its new content: " + e.getMessage(), e);
        }
    }
}

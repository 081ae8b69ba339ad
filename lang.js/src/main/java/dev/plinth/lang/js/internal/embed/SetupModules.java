package dev.plinth.lang.js.internal.embed;

import dev.plinth.core.sandbox.script.ScriptSource;
import dev.plinth.lang.js.internal.engine.ImportRefusedException;
import dev.plinth.lang.js.internal.engine.ModuleFiles;
import dev.plinth.lang.js.internal.engine.ModuleRoots;
import java.util.Optional;

/**
 * The modules of an embedded script: its setup's files only. No built-in modules, and no {@code @id} imports (a
 * script outside the resource lifecycle has no declared dependencies to import from).
 *
 * @param resource the script's resource, for messages
 * @param files its files
 */
record SetupModules(String resource, ScriptSource files) implements ModuleRoots {

    @Override
    public ModuleFiles own() {
        return files::read;
    }

    @Override
    public Optional<String> builtin(String specifier) {
        return Optional.empty();
    }

    @Override
    public ModRoot mod(String id) throws ImportRefusedException {
        throw new ImportRefusedException(resource + ": '@" + id + "' cannot be imported here: a client script "
                + "imports its own files only (relative imports such as './lib.js')");
    }
}

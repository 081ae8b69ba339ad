package dev.plinth.lang.js.internal.embed;

import dev.plinth.core.sandbox.script.ScriptImport;
import dev.plinth.core.sandbox.script.ScriptImports;
import dev.plinth.core.sandbox.script.ScriptSource;
import dev.plinth.lang.js.internal.engine.ImportRefusedException;
import dev.plinth.lang.js.internal.engine.ModuleFiles;
import dev.plinth.lang.js.internal.engine.ModuleRoots;
import java.util.Optional;

/**
 * The modules of an embedded script: its setup's files, and the scripts its host lets it import as {@code @id}
 * (a client's mods: the mods it requires), resolved as a resource's {@code @id} imports are, beside the other
 * script's entry. No built-in modules.
 *
 * @param resource the script's resource, for messages
 * @param files its files
 * @param imports what its {@code @id} imports reach, empty when it may import none
 */
record SetupModules(String resource, ScriptSource files, Optional<ScriptImports> imports) implements ModuleRoots {

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
        ScriptImports resolver = imports.orElseThrow(() -> new ImportRefusedException(resource + ": '@" + id
                + "' cannot be imported here: this script imports its own files only (relative imports such as "
                + "'./lib.js')"));
        return switch (resolver.resolve(id)) {
            case ScriptImport.Found found -> new ModRoot.Modules(found.files()::read, found.entry());
            case ScriptImport.Refused refused -> throw new ImportRefusedException(refused.reason());
        };
    }
}

package dev.plinth.lang.js.internal.engine;

import java.util.Optional;

/**
 * Where the module loader of one resource finds modules: the resource's own files, the built-in modules it is given
 * ({@code @minecraft/server} of a behavior pack), and the resources it names with {@code @id} imports.
 *
 * <p>Thread-safe; called while a module is being loaded.
 */
public interface ModuleRoots {

    /** {@return the resource's own files} */
    ModuleFiles own();

    /**
     * Where the lines of the modules that ran come from: TypeScript modules run compiled.
     *
     * @return the lines; as written by default
     */
    default SourceLines lines() {
        return SourceLines.AS_WRITTEN;
    }

    /**
     * A built-in module.
     *
     * @param specifier the import as written ({@code @minecraft/server})
     * @return its generated source, empty when no built-in module has that name
     */
    Optional<String> builtin(String specifier);

    /**
     * What {@code @id} names.
     *
     * @param id the resource name after the {@code @}
     * @return the resource's modules
     * @throws ImportRefusedException when the resource may not import it (not a declared dependency, not started)
     */
    ModRoot mod(String id) throws ImportRefusedException;

    /** What an {@code @id} import reaches. */
    sealed interface ModRoot {

        /**
         * A JavaScript resource: its modules are loaded into the importing resource's own context.
         *
         * @param files its files
         * @param entry its entry module, relative to its root ({@code server/index.js}); {@code @id/sub} resolves
         *     beside it
         */
        record Modules(ModuleFiles files, String entry) implements ModRoot {}

        /**
         * A resource in another language: a generated module whose exports call its exported functions.
         *
         * @param source the generated source
         */
        record Generated(String source) implements ModRoot {}
    }
}

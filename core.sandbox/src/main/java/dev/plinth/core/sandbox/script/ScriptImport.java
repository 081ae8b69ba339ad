package dev.plinth.core.sandbox.script;

import java.util.Objects;

/** What one {@code @id} import of a script reaches ({@link ScriptImports#resolve}). */
public sealed interface ScriptImport {

    /**
     * Another script's files: its modules load into the importing runtime, from these files, beside its entry.
     *
     * @param files its files, by path relative to its root
     * @param entry its entry file, relative to its root ({@code client.js}); {@code @id/sub} resolves beside it
     */
    record Found(ScriptSource files, String entry) implements ScriptImport {

        /** Validates the components. */
        public Found {
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * The import is refused.
     *
     * @param reason the sentence users read, naming the import and what to change
     */
    record Refused(String reason) implements ScriptImport {

        /** Validates the reason. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The refusal of an import of a resource that the importer does not declare as a dependency: the one rule
         * and sentence of every host that resolves {@code @id} imports (a server's JavaScript resources and a
         * client's scripts alike), naming both resources.
         *
         * @param id the imported resource, without its {@code @}
         * @param importer the importing resource
         * @return the refusal
         */
        public static Refused undeclared(String id, String importer) {
            return new Refused("import '@" + id + "' refused: '" + id + "' is not a declared dependency of '" + importer
                    + "' (add it to the manifest's requires / deps)");
        }
    }
}

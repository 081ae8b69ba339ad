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
    }
}

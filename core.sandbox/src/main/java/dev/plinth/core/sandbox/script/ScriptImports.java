package dev.plinth.core.sandbox.script;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a script's {@code @id} imports reach ({@code import { wait } from "@js-helper"}): the host decides which ids a
 * script may name and hands out their files; the language host resolves the import inside them, as it does for a
 * resource's declared dependencies. A runtime opened without imports refuses every {@code @id} import.
 *
 * <p>Implementations must be thread-safe: called while a module is being loaded, on the thread of the call.
 */
@ConsumerType
@FunctionalInterface
public interface ScriptImports {

    /**
     * What {@code @id} names.
     *
     * @param id the name after the {@code @}
     * @return the other script's files and entry, or why the import is refused
     */
    ScriptImport resolve(String id);
}

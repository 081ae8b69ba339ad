package dev.plinth.bedrock.packs.internal.host;

import org.osgi.framework.Bundle;

/**
 * Runs a behavior pack's script module: a service of this bundle, present while a JavaScript host is (the pack host
 * does without it: the pack's data loads, its script is not run and the log says why).
 *
 * <p>Thread-safe. {@link #run} evaluates the entry on the calling thread, with the JavaScript host's start budget.
 */
public interface PackScriptRunner {

    /**
     * Runs a pack's entry module with {@code @minecraft/server}.
     *
     * @param bundle the pack's bundle, starting or active
     * @param pack the pack's name
     * @param entry the entry's path in the pack ({@code scripts/main.js})
     * @return the running script
     * @throws PackScriptException when the entry cannot be loaded, or its top-level code fails or breaks a limit;
     *     the message names the pack, the file and the line
     */
    PackScript run(Bundle bundle, String pack, String entry);
}

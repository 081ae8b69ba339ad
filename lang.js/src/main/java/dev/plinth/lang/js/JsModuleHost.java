package dev.plinth.lang.js;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Runs JavaScript for another host (the behavior-pack host runs a pack's {@code scripts/main.js} this way): a
 * bundle's module on the shared GraalJS engine, in a context of its own, with the same sandbox, limits, console,
 * timers and {@code mc} API as a JavaScript resource, plus the built-in modules the caller supplies
 * ({@code import { world } from "@minecraft/server"}). Registered as an OSGi service by {@code dev.plinth.lang.js}.
 *
 * <p>The module's relative imports resolve inside the bundle; its limits are the JavaScript host's settings and the
 * resource's manifest {@code [resources]}. The run's registrations (commands, handlers, tasks) belong to the bundle
 * and go away when it stops; {@link JsModuleRun#close()} ends the run earlier.
 *
 * <p>Thread-safe. {@link #run} evaluates the module on the calling thread: call it from the thread that starts the
 * bundle (the host's own extender callback), not while holding locks the game thread needs.
 */
@ProviderType
public interface JsModuleHost {

    /**
     * Evaluates a bundle's module.
     *
     * @param bundle the resource bundle whose files the module and its imports are read from; it must be starting
     *     or active (its context registers what the script registers)
     * @param resource the resource name, shown in logs and errors
     * @param entry the module's path in the bundle ({@code scripts/main.js})
     * @param builtins the built-in modules, by import specifier ({@code @minecraft/server})
     * @return the running module
     * @throws JsModuleException when the module cannot be loaded or its top-level code fails or breaks a limit; the
     *     message names the resource, the file and the line
     */
    JsModuleRun run(Bundle bundle, String resource, String entry, Map<String, BuiltinModule> builtins);
}

package dev.plinth.lang.js;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module the caller of {@link JsModuleHost#run} supplies, imported by its specifier
 * ({@code import { world, system } from "@minecraft/server"}).
 *
 * <p>Called on the thread that evaluates the module, inside its context: the exports may be GraalJS proxies
 * ({@code org.graalvm.polyglot.proxy.ProxyObject}, {@code ProxyExecutable}) built for this run.
 */
@ConsumerType
public interface BuiltinModule {

    /** {@return the names the module exports (each one a valid JavaScript identifier)} */
    List<String> exportNames();

    /**
     * The module's exports for one run: an object whose members are the {@link #exportNames()} (a
     * {@code ProxyObject}, or a {@code Map} of them).
     *
     * @param run the run importing it, to call back into its context later
     * @return the exports object
     */
    Object exports(JsModuleRun run);
}

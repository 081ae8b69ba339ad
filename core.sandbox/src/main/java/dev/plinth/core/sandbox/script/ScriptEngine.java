package dev.plinth.core.sandbox.script;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A language host's engine for scripts that are not resources of this server (the resources a headless client
 * downloaded): each {@link ScriptRuntime} it opens is sandboxed as the host's resources are (the whitelisted
 * environment, the instruction or statement budgets, the wall-clock watchdog, the allocation guard, an account), but
 * sees only the API its caller installs. An OSGi service, one per language, with the property {@link #LANGUAGE}.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface ScriptEngine {

    /** The service property naming the engine's language ({@code lua}, {@code js}). */
    String LANGUAGE = "plinth.script.language";

    /** {@return the language: {@code lua}, {@code js}} */
    String language();

    /**
     * Whether a file is a script of this language.
     *
     * @param file a path such as {@code client/main.lua}
     * @return {@code true} when this engine runs it
     */
    boolean runs(String file);

    /**
     * Opens a runtime; nothing runs until {@link ScriptRuntime#run}. Its limits are the host's settings and the
     * sandbox defaults of this framework's {@code conf/server.json}.
     *
     * @param setup the script's name, files, log and API
     * @return the runtime; close it when done
     * @throws ScriptRunException when a global of the setup cannot be installed
     */
    ScriptRuntime open(ScriptSetup setup);
}

package dev.plinth.core.sandbox.script;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One sandboxed script state opened by a {@link ScriptEngine}: its globals, the files it runs, and the calls into it.
 *
 * <p>Thread-safe: calls into the state are serialized and each is bounded (budget, wall clock, allocation); a
 * runtime that breaks its limits for good is closed and its setup's fatal handler told.
 */
@ProviderType
public interface ScriptRuntime extends AutoCloseable {

    /** {@return the name of the script's resource} */
    String resource();

    /**
     * Runs one file of the script (a Lua chunk, a JavaScript module) with the start budget.
     *
     * @param file the path among the setup's files
     * @return what it returned (Lua) or exported (JavaScript), as plain values; functions as {@link ScriptFunction}s
     * @throws ScriptRunException when the file is missing, does not compile, fails or breaks a limit; the message
     *     names the resource, the file and the line
     */
    @Nullable Object run(String file);

    /**
     * A global function of the script ({@code on_enable}, a hook the script defined).
     *
     * @param name the global's name
     * @return the function, empty when the global is not a function
     */
    Optional<ScriptFunction> function(String name);

    /** {@return whether the runtime was closed, by {@link #close()} or for breaking its limits} */
    boolean isClosed();

    /** Ends the runtime: running code fails at its next check, later calls are refused. Idempotent. */
    @Override
    void close();
}

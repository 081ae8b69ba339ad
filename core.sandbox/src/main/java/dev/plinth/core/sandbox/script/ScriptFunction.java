package dev.plinth.core.sandbox.script;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A function of a script, held by the host: an event handler the script passed to a {@link HostFunction}, a global
 * such as {@code on_enable}, an export of a module.
 *
 * <p>Thread-safe: each call is one metered call into its runtime, serialized with the runtime's other calls.
 */
@ProviderType
public interface ScriptFunction {

    /**
     * Calls the function with the call budget and the call's wall-clock bound.
     *
     * @param args plain values: {@code null}, strings, numbers, booleans, lists, maps with string keys
     * @return what it returned, as a plain value; several results as {@link ScriptResults}
     * @throws ScriptRunException when it fails or breaks a limit, or when its runtime is closed
     */
    @Nullable Object call(List<?> args);
}

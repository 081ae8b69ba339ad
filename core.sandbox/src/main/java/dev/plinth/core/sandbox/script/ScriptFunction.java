package dev.plinth.core.sandbox.script;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

    /**
     * Calls the function like {@link #call} and follows an asynchronous result to its end: when it returns a promise
     * (a JavaScript {@code async} function), the stage completes when the promise settles, with its value as a plain
     * value, or exceptionally with a {@link ScriptRunException} naming the file and line of the rejection. The
     * promise settles only as the script's awaits resume (its timers run on the host's loop, see
     * {@link ScriptTimers}): a caller on that loop waits by running the loop's due timers, as the server's hosts wait
     * for a resource's {@code async} hooks. Languages without promises complete the stage at once.
     *
     * @param args plain values, as for {@link #call}
     * @return the stage of its result; completed already when the function returned something else than a promise
     * @throws ScriptRunException when the call itself fails or breaks a limit, or its runtime is closed
     */
    default CompletionStage<@Nullable Object> callSettled(List<?> args) {
        return CompletableFuture.completedFuture(call(args));
    }
}

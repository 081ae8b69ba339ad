package dev.plinth.lang.js;

import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A module {@link JsModuleHost} runs: its context stays open (its handlers, timers and promises keep running)
 * until {@link #close()} or until its bundle stops.
 *
 * <p>Thread-safe: calls into the context are serialized and bounded like a JavaScript resource's (statement budget,
 * wall-clock bound, allocation limit); a run that breaks its limits for good is closed and its bundle stopped with
 * {@code ERR_SCRIPT_EXECUTION}.
 */
@ProviderType
public interface JsModuleRun extends AutoCloseable {

    /** {@return the resource name} */
    String resource();

    /** {@return the module's namespace: its exports (read it inside {@link #call})} */
    Value exports();

    /**
     * Runs work inside the run's context, bounded as one call: every use of a {@link Value} of this context goes
     * through here.
     *
     * @param <T> the result type
     * @param work what runs, with the context entered
     * @return its result
     * @throws JsModuleException when the code throws or breaks a limit
     */
    <T> T call(Function<Context, T> work);

    /** {@return whether the run was closed, by {@link #close()}, by its bundle stopping or for its limits} */
    boolean isClosed();

    /** Ends the run: its context is closed, its timers dropped. Idempotent. */
    @Override
    void close();
}

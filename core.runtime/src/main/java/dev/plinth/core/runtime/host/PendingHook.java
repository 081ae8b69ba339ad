package dev.plinth.core.runtime.host;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A resource's lifecycle hook that its language host has begun and that still awaits something: a Staminal mod's
 * {@code async onAttach()} or {@code async onDetach()} awaiting a timer. The resource manager waits for it off the game
 * thread, so that the game thread goes on ticking (and runs the timers and callbacks the hook awaits), within the
 * transition's timeout; a transition made on the game thread itself cannot wait for ticks and calls
 * {@link #finishHere()}.
 *
 * <p>Where it comes from. A start: the host registers it as a whiteboard service, through its own bundle context, from
 * within the resource bundle's {@code Bundle.start} (before it returns), at most one per resource bundle, and
 * unregisters it once {@link #finished()} completes, whichever way; the resource reads {@code starting} meanwhile and
 * {@code started} after. When the hook fails, or does not finish within the host's own bound, {@code finished()}
 * completes exceptionally and the resource manager stops the bundle and reports {@code ERR_SCRIPT_EXECUTION} with the
 * failure's message; when the bundle stops meanwhile, it completes exceptionally too. A stop: {@link HostDetach}
 * returns it, and the bundle is stopped once it has finished, whichever way (a failure is the host's to log).
 *
 * <p>Implementations are thread-safe: {@code finished()} is read on any thread, {@link #finishHere()} is called on the
 * game thread.
 */
@ConsumerType
public interface PendingHook {

    /**
     * The resource whose hook awaits.
     *
     * @return its name
     */
    String resource();

    /**
     * The id of its bundle.
     *
     * @return the bundle id
     */
    long bundleId();

    /**
     * Completes when the hook has finished: normally when it succeeded, exceptionally with an exception whose message
     * is one line naming the resource, the file and the line, without the error code ({@code welcome: main.js:4:
     * onAttach failed: Error: no database}), as {@link HostFailure#message()} is.
     *
     * @return the completion, never completed by the caller
     */
    CompletionStage<Void> finished();

    /**
     * Finishes the hook on the calling thread, for a transition made on the game thread itself (a hot reload's swap, a
     * script starting or stopping another resource), where waiting for ticks would wait for ever: runs what the hook
     * awaits (the resource's timers) here until it has settled or the host's bound has passed. What follows the hook
     * ({@link #finished()}) may complete a moment later, on another thread.
     */
    void finishHere();
}

package dev.plinth.core.runtime.host;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A resource start that its language host has begun and not finished: the bundle is active and its code has run, but
 * a start hook it returned is still awaiting something (a Staminal mod's {@code async onAttach()} awaiting a timer).
 * A whiteboard service the resource manager tracks, so that such a start waits off the game thread: the game thread
 * goes on ticking (and runs the timers and callbacks the hook awaits) while the thread that asked for the start waits
 * for {@link #finished()}, within the start timeout, before the resource reads {@code started}. Meanwhile it reads
 * {@code starting}.
 *
 * <p>How a host registers it: through its own bundle context, from within the resource bundle's {@code Bundle.start}
 * (before it returns), at most one per resource bundle; unregistered once {@link #finished()} completes, whichever
 * way. When the hook fails, or does not finish within the host's own bound, {@code finished()} completes exceptionally
 * and the resource manager stops the bundle and reports {@code ERR_SCRIPT_EXECUTION} with the failure's message; when
 * the bundle stops meanwhile, it completes exceptionally too. A start that is already done registers nothing.
 *
 * <p>Implementations are thread-safe: {@code finished()} is read on any thread, {@link #finishHere()} is called on the
 * game thread.
 */
@ConsumerType
public interface PendingStart {

    /**
     * The resource whose start is pending.
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
     * Completes when the start has finished: normally when it succeeded, exceptionally with an exception whose
     * message is one line naming the resource, the file and the line, without the error code ({@code welcome:
     * main.js:4: onAttach failed: Error: no database}), as {@link HostFailure#message()} is.
     *
     * @return the completion, never completed by the caller
     */
    CompletionStage<Void> finished();

    /**
     * Finishes the start on the calling thread, for a start made on the game thread itself (a hot reload's swap, a
     * script starting another resource), where waiting for ticks would wait for ever: runs what the hook awaits
     * (the resource's timers) here until it is done or the host's bound has passed. {@link #finished()} is complete
     * when this returns.
     */
    void finishHere();
}

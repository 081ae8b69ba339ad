package dev.plinth.core.sandbox.watchdog;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The wall-clock watch over one resource's calls. A host calls {@link #enter} before running a call into the
 * resource and {@link #exit} after it, on the call's thread; nested calls (the resource calling the host calling the
 * resource again) share the outermost call's bound. Both are cheap (no allocation, no lock): they sit on the hot path
 * of every call.
 *
 * <p>Threads: {@link #enter}, {@link #exit}, {@link #suspend} and {@link #resume} are called by the thread running
 * the resource's call (or a thread it hands over to in lock-step, such as a Lua coroutine thread); one call at a time
 * per resource. {@link #overran()} and {@link #close()} may be called from any thread. {@link #exit} waits while the
 * watchdog is in the middle of interrupting the call, so an interrupt never reaches the next call.
 */
@ProviderType
public interface Watch extends AutoCloseable {

    /**
     * The resource watched.
     *
     * @return its name
     */
    String resource();

    /**
     * Starts a call, or a nested one.
     *
     * @param boundNanos how long the call may run, if it is the outermost one; at least 1
     * @throws IllegalArgumentException when the bound is not positive
     */
    void enter(long boundNanos);

    /** Ends the innermost call; the outermost one's end stops the watch until the next {@link #enter}. */
    void exit();

    /**
     * Whether the current call ran past its bound (the watchdog started interrupting it). Lua's meter reads it at its
     * checkpoints.
     *
     * @return {@code true} from the moment the watchdog decided to interrupt until the call ends
     */
    boolean overran();

    /**
     * The overrun of the current call, for its error message: set before {@link #overran()} turns true.
     *
     * @return the overrun, or empty while the call keeps to its bound
     */
    Optional<Overrun> overrun();

    /**
     * Sets the current call aside while it waits outside of the script (a lifecycle call waiting for the game
     * thread): its clock stops, and another call may {@link #enter} meanwhile. {@link #resume} puts it back with the
     * time it had left.
     *
     * @return the call set aside
     * @throws IllegalStateException outside a call
     */
    Suspended suspend();

    /**
     * Puts back a call set aside by {@link #suspend}.
     *
     * @param call what {@link #suspend} returned
     * @throws IllegalStateException when another call is in progress
     */
    void resume(Suspended call);

    /** Stops watching the resource: its calls are no longer interrupted. Idempotent. */
    @Override
    void close();

    /**
     * A call set aside by {@link Watch#suspend}.
     *
     * @param depth how deeply it was nested
     * @param boundNanos its bound
     * @param leftNanos the time it had left when set aside, 0 when it had overrun already
     * @param overran whether it had overrun
     */
    record Suspended(int depth, long boundNanos, long leftNanos, boolean overran) {}
}

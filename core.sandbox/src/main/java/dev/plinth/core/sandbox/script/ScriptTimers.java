package dev.plinth.core.sandbox.script;

import java.time.Duration;
import java.util.concurrent.Future;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The loop a host drives a script's timers from ({@code setTimeout}, {@code setInterval}): the host runs each task on
 * its own thread (a client: its own thread, in order with its other work), and the runtime cancels what is left when
 * it closes. A runtime opened without timers refuses {@code setTimeout} with a message saying so.
 *
 * <p>Implementations must be thread-safe: scripts schedule from the thread of their call.
 */
@ConsumerType
@FunctionalInterface
public interface ScriptTimers {

    /**
     * Schedules a task on the host's loop.
     *
     * @param delay how long from now it first runs (zero: as soon as the loop is free)
     * @param period how long between its runs, {@link Duration#ZERO} to run it once
     * @param task what runs; it calls into the script within the call budget and never throws
     * @return its handle; {@link Future#cancel} drops it (a run already started completes)
     * @throws java.util.concurrent.RejectedExecutionException when the host's loop has ended
     */
    Future<?> schedule(Duration delay, Duration period, Runnable task);
}

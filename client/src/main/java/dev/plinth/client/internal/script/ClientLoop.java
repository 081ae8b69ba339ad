package dev.plinth.client.internal.script;

import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptTimers;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The client's loop as its scripts see it: their timers ({@code setTimeout}, {@code setInterval}) run on the client's
 * own thread at their time, in order with its other work; and a step of the client that waits on that thread for a
 * script's promise (a mod's {@code async} {@code onAttach} before the next mod loads and before {@code onBootstrap})
 * runs the timers that come due meanwhile ({@link #await}), as the server's JavaScript host waits for a resource's
 * {@code async} hooks. Without that, a hook awaiting a timer would wait for the very thread that waits for it.
 *
 * <p>Thread-safe: timers are scheduled from the client's thread (a script's call) or any other; they run, and
 * {@link #await} is called, on the client's thread only.
 */
public final class ClientLoop implements ScriptTimers {

    /** How long a step waits for a hook's promise: the start timeout of the server's resources. */
    public static final Duration HOOK_TIMEOUT = Duration.ofSeconds(15);

    private final ScheduledExecutorService thread;
    private final DelayQueue<Timer> timers = new DelayQueue<>();

    /**
     * Creates the loop of one client.
     *
     * @param thread the client's thread
     */
    public ClientLoop(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    @Override
    public Future<?> schedule(Duration delay, Duration period, Runnable task) {
        var timer = new Timer(task, period.toNanos());
        timer.arm(System.nanoTime() + delay.toNanos());
        return timer;
    }

    /**
     * Waits for a script's promise on the client's thread, running the timers that come due meanwhile.
     *
     * @param <T> what it settles with
     * @param stage the promise's stage ({@link dev.plinth.core.sandbox.script.ScriptFunction#callSettled})
     * @param resource the script's resource, for the messages
     * @param what what is waited for ({@code onAttach}), for the messages
     * @param timeout how long it may take
     * @return what it settled with
     * @throws ScriptRunException when it is rejected (the script's file and line), does not settle within the
     *     timeout, or the wait is interrupted
     */
    public <T> @Nullable T await(CompletionStage<T> stage, String resource, String what, Duration timeout) {
        CompletableFuture<T> settled = stage.toCompletableFuture();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            runDue();
            long left = deadline - System.nanoTime();
            if (left <= 0 && !settled.isDone()) {
                throw new ScriptRunException(resource, resource + ": " + what + " did not finish within "
                        + timeout.toMillis() + " ms", false);
            }
            Timer next = timers.peek();
            long wait = next == null ? left : Math.min(left, Math.max(0, next.getDelay(TimeUnit.NANOSECONDS)));
            try {
                return settled.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // a timer is due, or the time is up: checked at the top
            } catch (ExecutionException e) {
                throw e.getCause() instanceof ScriptRunException failure ? failure
                        : new ScriptRunException(resource, resource + ": " + what + " failed: " + e.getCause(), false);
            } catch (CancellationException e) {
                throw new ScriptRunException(resource, resource + ": " + what + " was cancelled", false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScriptRunException(resource, resource + ": " + what + " was interrupted", false);
            }
        }
    }

    /** Runs the timers that are due, on the calling thread: the client's. */
    private void runDue() {
        for (Timer due = timers.poll(); due != null; due = timers.poll()) {
            due.fire();
        }
    }

    /** One timer: in the queue until its time, with a wake-up of the client's thread at that time. */
    private final class Timer implements Delayed, Future<Void> {
        private final Runnable task;
        private final long period;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile long at;
        private volatile @Nullable Future<?> wakeup;

        Timer(Runnable task, long period) {
            this.task = task;
            this.period = period;
        }

        /**
         * Queues it for a time, and has the client's thread run the due timers then.
         *
         * @throws RejectedExecutionException when the client's thread has ended
         */
        void arm(long time) {
            at = time;
            timers.add(this);
            try {
                wakeup = thread.schedule(ClientLoop.this::runDue, Math.max(0, time - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                timers.remove(this);
                done.cancel(false);
                throw e;
            }
        }

        void fire() {
            if (done.isDone()) {
                return;
            }
            task.run();
            if (period <= 0) {
                done.complete(null);
                return;
            }
            if (!done.isDone()) {
                try {
                    arm(System.nanoTime() + period); // a fixed delay after this run, as scheduleWithFixedDelay
                } catch (RejectedExecutionException e) {
                    // the client ended: the timer ends with it
                }
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return other instanceof Timer timer ? Long.compare(at, timer.at)
                    : Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = done.cancel(false);
            timers.remove(this);
            Future<?> pending = wakeup;
            if (pending != null) {
                pending.cancel(false);
            }
            return cancelled;
        }

        @Override
        public boolean isCancelled() {
            return done.isCancelled();
        }

        @Override
        public boolean isDone() {
            return done.isDone();
        }

        @Override
        public Void get() throws InterruptedException, ExecutionException {
            return done.get();
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return done.get(timeout, unit);
        }
    }
}

package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.memory.AllocationCounter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The per-call allocation guard of JavaScript calls ({@code sandbox.max_call_alloc_mb}): JavaScript has no
 * checkpoints of Plinth's in its code, so one thread ({@code plinth-js-allocations}) reads each running call's
 * thread allocation counter (core.sandbox's {@link AllocationCounter}) every two milliseconds and interrupts the call
 * that allocated more than its limit, before it can take the heap. The wall-clock bound is core.sandbox's watchdog's.
 *
 * <p>Thread-safe. {@link #open()} starts the thread, {@link #close()} ends it.
 */
public final class AllocationWatch implements AutoCloseable {

    private static final long PERIOD_NANOS = 2_000_000;

    private final AllocationCounter allocations;
    private final Set<Watched> calls = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Thread thread;

    /**
     * Creates the guard; {@link #open()} starts it.
     *
     * @param allocations the JVM's per-thread allocation counter
     */
    public AllocationWatch(AllocationCounter allocations) {
        this.allocations = allocations;
    }

    /** Starts the guard's thread. */
    public void open() {
        thread = Thread.ofPlatform().name("plinth-js-allocations").daemon().start(this::run);
    }

    /**
     * Starts watching the calling thread's call.
     *
     * @param limit the bytes it may allocate
     * @param onOverrun told once, on the guard's thread, when the call allocated more; must return quickly
     * @return the watch, to close when the call returns
     */
    public Watched watch(long limit, Runnable onOverrun) {
        Thread current = Thread.currentThread();
        var watched = new Watched(current, allocations.allocatedBytes(current), limit, onOverrun);
        calls.add(watched);
        return watched;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Watched call : calls) {
                if (!call.broken.get() && allocations.allocatedBytes(call.thread) - call.start > call.limit
                        && call.broken.compareAndSet(false, true)) {
                    call.onOverrun.run();
                }
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    @Override
    public void close() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** One watched call. */
    public final class Watched implements AutoCloseable {
        private final Thread thread;
        private final long start;
        private final long limit;
        private final Runnable onOverrun;
        private final AtomicBoolean broken = new AtomicBoolean();

        private Watched(Thread thread, long start, long limit, Runnable onOverrun) {
            this.thread = thread;
            this.start = start;
            this.limit = limit;
            this.onOverrun = onOverrun;
        }

        /** {@return whether the call allocated more than its limit} */
        public boolean broken() {
            return broken.get();
        }

        /** {@return the bytes the call allocated so far} */
        public long allocated() {
            return allocations.allocatedBytes(thread) - start;
        }

        @Override
        public void close() {
            calls.remove(this);
        }
    }
}

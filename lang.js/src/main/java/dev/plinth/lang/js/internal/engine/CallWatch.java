package dev.plinth.lang.js.internal.engine;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The JavaScript host's watchdog: one thread ({@code plinth-js-watchdog}) that looks at every running call each
 * millisecond or so and interrupts the ones past their wall-clock bound or over their allocation limit, wherever
 * they are (inside one long regular expression or sort too: GraalJS checks for interrupts in its built-ins).
 *
 * <p>Thread-safe. {@link #open()} starts the thread, {@link #close()} ends it.
 */
public final class CallWatch implements AutoCloseable {

    private static final long PERIOD_NANOS = 2_000_000;

    private final Set<Watched> calls = ConcurrentHashMap.newKeySet();
    private final com.sun.management.@Nullable ThreadMXBean threads;
    private volatile @Nullable Thread thread;

    /** Creates the watchdog; {@link #open()} starts it. */
    public CallWatch() {
        var bean = ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class);
        if (bean != null && bean.isThreadAllocatedMemorySupported()) {
            if (!bean.isThreadAllocatedMemoryEnabled()) {
                bean.setThreadAllocatedMemoryEnabled(true);
            }
            threads = bean;
        } else {
            threads = null;
        }
    }

    /** Starts the watchdog thread. */
    public void open() {
        thread = Thread.ofPlatform().name("plinth-js-watchdog").daemon().start(this::run);
    }

    /** A call being watched. */
    public interface Interruptible {
        /**
         * Stops the call, on a thread of the watchdog's.
         *
         * @param limit why
         */
        void interrupt(JsLimit limit);
    }

    /**
     * Starts watching the calling thread's call.
     *
     * @param timeoutNanos its wall-clock bound
     * @param allocationLimit the bytes it may allocate
     * @param target what to interrupt
     * @return the watch, to {@linkplain Watched#close() end} when the call returns
     */
    public Watched watch(long timeoutNanos, long allocationLimit, Interruptible target) {
        Thread current = Thread.currentThread();
        var watched = new Watched(current, System.nanoTime() + timeoutNanos, allocated(current), allocationLimit,
                target);
        calls.add(watched);
        return watched;
    }

    private long allocated(Thread thread) {
        com.sun.management.ThreadMXBean bean = threads;
        if (bean == null) {
            return 0;
        }
        return thread == Thread.currentThread() ? bean.getCurrentThreadAllocatedBytes()
                : bean.getThreadAllocatedBytes(thread.threadId());
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            for (Watched call : calls) {
                if (call.broken.get() != null) {
                    continue;
                }
                if (now - call.deadline > 0) {
                    call.breakWith(JsLimit.TIME);
                } else if (threads != null && allocated(call.thread) - call.allocatedAtStart > call.allocationLimit) {
                    call.breakWith(JsLimit.MEMORY);
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    @Override
    public void close() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** One watched call. {@link #close()} ends the watch; {@link #broken()} says whether it was interrupted. */
    public final class Watched implements AutoCloseable {
        private final Thread thread;
        private final long deadline;
        private final long allocatedAtStart;
        private final long allocationLimit;
        private final Interruptible target;
        private final AtomicReference<@Nullable JsLimit> broken = new AtomicReference<>();

        private Watched(Thread thread, long deadline, long allocatedAtStart, long allocationLimit,
                Interruptible target) {
            this.thread = thread;
            this.deadline = deadline;
            this.allocatedAtStart = allocatedAtStart;
            this.allocationLimit = allocationLimit;
            this.target = target;
        }

        private void breakWith(JsLimit limit) {
            if (broken.compareAndSet(null, limit)) {
                Thread.ofPlatform().name("plinth-js-interrupt").daemon().start(() -> target.interrupt(limit));
            }
        }

        /** {@return the limit the call broke, if the watchdog interrupted it} */
        public @Nullable JsLimit broken() {
            return broken.get();
        }

        @Override
        public void close() {
            calls.remove(this);
        }
    }
}

package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.memory.AllocationCounter;
import java.util.Objects;
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
 * <p>Each resource has one {@link Slot}, registered once: a call arms and disarms it (two reads of the calling
 * thread's counter and a few field writes), so a call allocates nothing and touches no shared set.
 *
 * <p>Thread-safe. {@link #open()} starts the thread, {@link #close()} ends it.
 */
public final class AllocationWatch implements AutoCloseable {

    private static final long PERIOD_NANOS = 2_000_000;

    private final AllocationCounter allocations;
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
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
     * Registers the calls of one resource: one slot, armed by each of its calls.
     *
     * @param onOverrun told once per call, on the guard's thread, when the call allocated more than its limit; must
     *     return quickly
     * @return the slot, to close when the resource stops
     */
    public Slot slot(Runnable onOverrun) {
        var slot = new Slot(Objects.requireNonNull(onOverrun, "onOverrun"));
        slots.add(slot);
        return slot;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Slot slot : slots) {
                slot.check();
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

    /**
     * The allocation watch of one resource's calls. {@link #arm} and {@link #disarm} run on the thread of the call (a
     * resource's calls do not overlap); the guard's thread reads the slot. A generation number, odd while a call is
     * armed, lets the guard tell one call from the next, so an overrun is never blamed on a later call.
     */
    public final class Slot implements AutoCloseable {
        private final Runnable onOverrun;
        private final AtomicBoolean broken = new AtomicBoolean();
        private @Nullable Thread caller;
        private long start;
        private long limit;
        /** Odd while a call is armed; written last by {@link #arm}, first by {@link #disarm}. */
        private volatile long generation;

        private Slot(Runnable onOverrun) {
            this.onOverrun = onOverrun;
        }

        /**
         * Starts watching a call on the calling thread.
         *
         * @param limit the bytes it may allocate
         */
        public void arm(long limit) {
            Thread current = Thread.currentThread();
            caller = current;
            start = allocations.allocatedBytes(current);
            this.limit = limit;
            broken.set(false);
            generation++;
        }

        /**
         * Stops watching the call.
         *
         * @return the bytes the call allocated
         */
        public long disarm() {
            generation++;
            return allocated();
        }

        /** {@return whether the call allocated more than its limit (the last one, once disarmed)} */
        public boolean broken() {
            return broken.get();
        }

        /** {@return the bytes the call allocated so far; call it on the call's thread} */
        public long allocated() {
            Thread current = caller;
            return current == null ? 0 : allocations.allocatedBytes(current) - start;
        }

        /** Removes the slot: the resource stopped. */
        @Override
        public void close() {
            slots.remove(this);
        }

        /** On the guard's thread: interrupts the armed call once it allocated more than its limit. */
        private void check() {
            long seen = generation;
            if ((seen & 1) == 0 || broken.get()) {
                return;
            }
            Thread current = caller;
            long allocated = current == null ? 0 : allocations.allocatedBytes(current) - start;
            // The fields read after the generation belong to the same call if the generation has not moved since.
            if (allocated > limit && generation == seen && broken.compareAndSet(false, true)) {
                onOverrun.run();
            }
        }
    }
}

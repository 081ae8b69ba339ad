package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.memory.AllocationCounter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The per-call allocation guard of JavaScript calls ({@code sandbox.max_call_alloc_mb}): JavaScript has no
 * checkpoints of Plinth's in its code, so one thread ({@code plinth-js-allocations}) reads each running call's
 * thread allocation counter (core.sandbox's {@link AllocationCounter}) every two milliseconds and interrupts the call
 * that allocated more than its limit, before it can take the heap. The wall-clock bound is core.sandbox's watchdog's.
 *
 * <p>Each resource has one {@link Slot}, registered once, which its calls arm and disarm: two ordered field writes, no
 * allocation, no shared set, no read of the counter on the call's thread. The guard reads the counter of a call the
 * first time it sees it (its baseline) and at each look after that, so what a call allocates before the guard first
 * sees it (at most one period, two milliseconds on an idle machine) is not counted against its limit; a call that
 * {@link Slot#arm measures} itself reads the counter at its start too and counts everything.
 *
 * <p>Thread-safe. {@link #open()} starts the thread, {@link #close()} ends it.
 */
public final class AllocationWatch implements AutoCloseable {

    private static final long PERIOD_NANOS = 2_000_000;
    private static final VarHandle GENERATION;
    private static final VarHandle BROKEN;

    static {
        try {
            var lookup = MethodHandles.lookup();
            GENERATION = lookup.findVarHandle(Slot.class, "generation", long.class);
            BROKEN = lookup.findVarHandle(Slot.class, "broken", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
        private @Nullable Thread caller;
        private long limit;
        /** The counter at the call's start, read by the call itself when it measures, else 0. */
        private long start;
        private boolean measured;
        /** Odd while a call is armed: written last by {@link #arm} and first by {@link #disarm} (release stores). */
        @SuppressWarnings("unused") // through GENERATION
        private volatile long generation;
        @SuppressWarnings("unused") // through BROKEN
        private volatile boolean broken;
        /** The counter at the start of the call the guard {@link #seen} last (written before it). */
        private volatile long baseline;
        /** The generation of the call the guard took the {@link #baseline} of. */
        private volatile long seen;

        private Slot(Runnable onOverrun) {
            this.onOverrun = onOverrun;
        }

        /**
         * Starts watching a call on the calling thread.
         *
         * @param limit the bytes it may allocate
         * @param measure whether the call reads the counter at its start, to know exactly what it allocated
         *     ({@link #allocated}); otherwise the guard's first look is its start
         */
        public void arm(long limit, boolean measure) {
            Thread current = Thread.currentThread();
            if (caller != current) {
                caller = current; // only when it changes: a reference stored into a long-lived object costs a fence
            }
            this.limit = limit;
            measured = measure;
            start = measure ? allocations.allocatedBytes(current) : 0;
            if ((boolean) BROKEN.getOpaque(this)) {
                BROKEN.setRelease(this, false);
            }
            GENERATION.setRelease(this, (long) GENERATION.getOpaque(this) + 1);
        }

        /** Stops watching the call. */
        public void disarm() {
            GENERATION.setRelease(this, (long) GENERATION.getOpaque(this) + 1);
        }

        /** {@return whether the call allocated more than its limit, as the guard found (the last one, once disarmed)} */
        public boolean broken() {
            return (boolean) BROKEN.getAcquire(this);
        }

        /**
         * What the call allocated so far, on the call's thread: everything when it {@link #arm measured}, else since the
         * guard first saw it (0 before that).
         *
         * @return the bytes
         */
        public long allocated() {
            Thread current = caller;
            if (current == null) {
                return 0;
            }
            long from;
            if (measured) {
                from = start;
            } else if (seen == (long) GENERATION.getOpaque(this)) {
                from = baseline;
            } else {
                return 0;
            }
            return Math.max(0, allocations.allocatedBytes(current) - from);
        }

        /** {@return whether the guard has looked at the armed call (and counts from there, if it does not measure)} */
        boolean seen() {
            long current = (long) GENERATION.getOpaque(this);
            return (current & 1) == 1 && seen == current;
        }

        /** Removes the slot: the resource stopped. */
        @Override
        public void close() {
            slots.remove(this);
        }

        /** On the guard's thread: takes a new call's baseline, or interrupts the armed call past its limit, once. */
        private void check() {
            long current = (long) GENERATION.getAcquire(this);
            Thread running = caller;
            if ((current & 1) == 0 || running == null || (boolean) BROKEN.getAcquire(this)) {
                return;
            }
            long bytes = allocations.allocatedBytes(running);
            if (current != seen) {
                long from = measured ? start : bytes;
                // The fields read after the generation belong to this call if the generation has not moved since.
                if ((long) GENERATION.getAcquire(this) == current) {
                    baseline = from;
                    seen = current;
                }
                if (!measured) {
                    return;
                }
            }
            if (bytes - baseline > limit && (long) GENERATION.getAcquire(this) == current
                    && BROKEN.compareAndSet(this, false, true)) {
                onOverrun.run();
            }
        }
    }
}

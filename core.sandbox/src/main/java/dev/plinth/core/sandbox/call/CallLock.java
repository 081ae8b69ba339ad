package dev.plinth.core.sandbox.call;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The lock that serializes the calls into one resource (a GraalJS context, a WebAssembly instance: each runs on one
 * thread at a time): one compare-and-set to take it and one release store to give it back, which is what a call from the game thread
 * pays, where a {@link java.util.concurrent.locks.ReentrantLock} pays a full fence more on release. The owner is kept as
 * its thread's id, not a reference: a reference stored into a long-lived object costs a fence more under G1. A thread that
 * finds it taken (a start or a stop on a worker thread while the game calls, or the reverse) polls it, parking one
 * microsecond at first and at most one millisecond between looks, until its deadline: such waits are rare and short,
 * and a call's own bound is counted in milliseconds. Not reentrant: a thread already in a call of the resource calls
 * again without taking it ({@link #heldByCurrentThread}).
 *
 * <p>Thread-safe.
 */
public final class CallLock {

    private static final long FIRST_PARK_NANOS = 1_000;
    private static final long LONGEST_PARK_NANOS = 1_000_000;
    private static final long FREE = 0;
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(CallLock.class, "owner", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The id of the thread that holds the lock ({@link Thread#threadId()}, always positive), {@link #FREE} when none. */
    @SuppressWarnings("unused") // through OWNER
    private volatile long owner = FREE;

    /** Creates a free lock. */
    public CallLock() {}

    /** {@return whether the calling thread holds the lock} */
    public boolean heldByCurrentThread() {
        return (long) OWNER.getOpaque(this) == Thread.currentThread().threadId();
    }

    /**
     * Takes the lock, waiting for it at most the given time.
     *
     * @param timeoutNanos how long to wait when it is taken
     * @return whether the calling thread holds it now
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public boolean tryLock(long timeoutNanos) throws InterruptedException {
        long caller = Thread.currentThread().threadId();
        if (OWNER.compareAndSet(this, FREE, caller)) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        long park = FIRST_PARK_NANOS;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the resource");
            }
            if ((long) OWNER.getOpaque(this) == FREE && OWNER.compareAndSet(this, FREE, caller)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(park, left));
            park = Math.min(park * 2, LONGEST_PARK_NANOS);
        }
    }

    /**
     * Gives the lock back.
     *
     * @throws IllegalStateException when the calling thread does not hold it
     */
    public void unlock() {
        if ((long) OWNER.getOpaque(this) != Thread.currentThread().threadId()) {
            throw new IllegalStateException("the resource's call lock is not held by " + Thread.currentThread());
        }
        OWNER.setRelease(this, FREE);
    }
}

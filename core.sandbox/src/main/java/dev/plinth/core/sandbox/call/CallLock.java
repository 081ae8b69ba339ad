package dev.plinth.core.sandbox.call;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The lock that serializes the calls into one resource (a GraalJS context, a WebAssembly instance: each runs on one
 * thread at a time): one compare-and-set to take it and one release store to give it back, which is what a call from the game thread
 * pays, where a {@link java.util.concurrent.locks.ReentrantLock} pays a full fence more on release. A thread that
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
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(CallLock.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through OWNER
    private volatile @Nullable Thread owner;

    /** Creates a free lock. */
    public CallLock() {}

    /** {@return whether the calling thread holds the lock} */
    public boolean heldByCurrentThread() {
        return (Thread) OWNER.getOpaque(this) == Thread.currentThread();
    }

    /**
     * Takes the lock, waiting for it at most the given time.
     *
     * @param timeoutNanos how long to wait when it is taken
     * @return whether the calling thread holds it now
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public boolean tryLock(long timeoutNanos) throws InterruptedException {
        Thread caller = Thread.currentThread();
        if (OWNER.compareAndSet(this, null, caller)) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        long park = FIRST_PARK_NANOS;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the resource");
            }
            if (OWNER.getOpaque(this) == null && OWNER.compareAndSet(this, null, caller)) {
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
        if ((Thread) OWNER.getOpaque(this) != Thread.currentThread()) {
            throw new IllegalStateException("the resource's call lock is not held by " + Thread.currentThread());
        }
        OWNER.setRelease(this, null);
    }
}

package dev.plinth.lang.lua.internal.engine;

import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * The lock that lets one call at a time into a Lua resource: reentrant for the thread that holds it (the resource's
 * code calling the host calling the resource again), and released for as long as a call waits for another thread
 * outside of Lua ({@link #release()} / {@link #reacquire}). Unlike a {@link java.util.concurrent.locks.ReentrantLock},
 * the release may come from a thread that does not hold it: the resource's coroutine threads, which run on behalf of
 * the thread that resumed them while it waits.
 *
 * <p>Thread-safe. {@link #unlock()}, {@link #release()} and {@link #reacquire} are called by the holder (or its
 * coroutine threads), never by another thread; the hold count is guarded by the permit.
 */
final class CallLock {

    private final Semaphore permit = new Semaphore(1);
    private volatile @Nullable Thread owner;
    private int holds;

    /** Takes the lock, waiting for the call that holds it; reentrant. */
    void lock() {
        Thread current = Thread.currentThread();
        if (owner == current) {
            holds++;
            return;
        }
        permit.acquireUninterruptibly();
        owner = current;
        holds = 1;
    }

    /** Gives back one hold; the lock is free once every hold is given back. */
    void unlock() {
        if (--holds == 0) {
            owner = null;
            permit.release();
        }
    }

    /** {@return whether the calling thread holds the lock} */
    boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /**
     * Frees the lock entirely while the call that holds it waits outside of Lua.
     *
     * @return what {@link #reacquire} gives back to the call
     * @throws IllegalStateException when nobody holds the lock
     */
    Held release() {
        Thread holder = owner;
        if (holder == null) {
            throw new IllegalStateException("the lock of the resource is not held");
        }
        var held = new Held(holder, holds);
        owner = null;
        holds = 0;
        permit.release();
        return held;
    }

    /**
     * Takes the lock back for a call that {@linkplain #release() released} it, waiting for the calls that ran
     * meanwhile.
     *
     * @param held what {@link #release()} returned
     */
    void reacquire(Held held) {
        permit.acquireUninterruptibly();
        owner = held.owner();
        holds = held.holds();
    }

    /**
     * The holds of a call that released the lock.
     *
     * @param owner the thread that held it
     * @param holds how many times
     */
    record Held(Thread owner, int holds) {}
}

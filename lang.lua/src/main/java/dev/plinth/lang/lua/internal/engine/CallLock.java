package dev.plinth.lang.lua.internal.engine;

import java.util.concurrent.Semaphore;

/**
 * The lock that lets one call at a time into a Lua resource: reentrant for the thread that holds it (the resource's
 * code calling the host calling the resource again), and released for as long as a call waits for another thread
 * outside of Lua ({@link #release()} / {@link #reacquire}). Unlike a {@link java.util.concurrent.locks.ReentrantLock},
 * the release may come from a thread that does not hold it: the resource's coroutine threads, which run on behalf of
 * the thread that resumed them while it waits.
 *
 * <p>The holder is kept as its thread's id, not a reference: under G1 a reference stored into a long-lived object costs
 * a full fence, on every call.
 *
 * <p>Thread-safe. {@link #unlock()}, {@link #release()} and {@link #reacquire} are called by the holder (or its
 * coroutine threads), never by another thread; the hold count is guarded by the permit.
 */
final class CallLock {

    /** The {@link #owner} of a free lock; thread ids are positive. */
    private static final long FREE = 0;

    private final Semaphore permit = new Semaphore(1);
    /** The id of the thread that holds the lock ({@link Thread#threadId()}), or {@link #FREE}. */
    private volatile long owner = FREE;
    private int holds;

    /** Takes the lock, waiting for the call that holds it; reentrant. */
    void lock() {
        long current = Thread.currentThread().threadId();
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
            owner = FREE;
            permit.release();
        }
    }

    /** {@return whether the calling thread holds the lock} */
    boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread().threadId();
    }

    /**
     * Frees the lock entirely while the call that holds it waits outside of Lua.
     *
     * @return what {@link #reacquire} gives back to the call
     * @throws IllegalStateException when nobody holds the lock
     */
    Held release() {
        long holder = owner;
        if (holder == FREE) {
            throw new IllegalStateException("the lock of the resource is not held");
        }
        var held = new Held(holder, holds);
        owner = FREE;
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
     * @param owner the id of the thread that held it
     * @param holds how many times
     */
    record Held(long owner, int holds) {}
}

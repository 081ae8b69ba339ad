package dev.plinth.lang.lua.internal.limits;

/**
 * The JVM's count of the bytes a thread has allocated since it started: the meter reads it around calls and at its
 * checkpoints. A seam so tests can allocate on demand.
 */
@FunctionalInterface
public interface AllocationCounter {

    /**
     * The bytes a thread has allocated so far.
     *
     * @param thread the calling thread, or a coroutine thread of the same resource that is parked
     * @return a monotonic byte count
     */
    long allocatedBytes(Thread thread);
}

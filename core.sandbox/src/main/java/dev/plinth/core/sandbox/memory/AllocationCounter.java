package dev.plinth.core.sandbox.memory;

import dev.plinth.core.sandbox.internal.memory.ThreadAllocations;

/**
 * The JVM's count of the bytes a thread has allocated since it started: a host reads it around each call and at its
 * checkpoints to hold the per-call allocation limit ({@code max_call_alloc_mb}). A seam, so tests can allocate on
 * demand.
 *
 * <p>Thread-safe.
 */
@FunctionalInterface
public interface AllocationCounter {

    /**
     * The bytes a thread has allocated so far.
     *
     * @param thread the calling thread, or a thread handing over to it in lock-step (a Lua coroutine thread)
     * @return a monotonic byte count
     */
    long allocatedBytes(Thread thread);

    /**
     * The platform's counter (HotSpot's {@code ThreadMXBean}, about 20 ns for the calling thread), switched on if it
     * is off.
     *
     * @return the counter
     * @throws IllegalStateException when the JVM does not count allocations per thread
     */
    static AllocationCounter platform() {
        return ThreadAllocations.platform();
    }
}

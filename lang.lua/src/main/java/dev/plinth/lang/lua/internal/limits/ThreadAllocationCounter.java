package dev.plinth.lang.lua.internal.limits;

import java.lang.management.ManagementFactory;

/**
 * The allocation counter of HotSpot's {@link com.sun.management.ThreadMXBean}: about 20 ns for the calling thread.
 */
public final class ThreadAllocationCounter implements AllocationCounter {

    private final com.sun.management.ThreadMXBean threads;

    private ThreadAllocationCounter(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    /**
     * The platform's counter, switched on if it is off.
     *
     * @return the counter
     * @throws IllegalStateException when the JVM does not count allocations per thread
     */
    public static ThreadAllocationCounter platform() {
        var threads = ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class);
        if (threads == null || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread: Lua memory limits "
                    + "need com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes");
        }
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return new ThreadAllocationCounter(threads);
    }

    @Override
    public long allocatedBytes(Thread thread) {
        return thread == Thread.currentThread()
                ? threads.getCurrentThreadAllocatedBytes()
                : threads.getThreadAllocatedBytes(thread.threadId());
    }
}

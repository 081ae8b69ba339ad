package dev.plinth.core.sandbox.internal.memory;

import dev.plinth.core.sandbox.memory.AllocationCounter;
import java.lang.management.ManagementFactory;

/** The allocation counter of HotSpot's {@link com.sun.management.ThreadMXBean}. */
public final class ThreadAllocations implements AllocationCounter {

    private final com.sun.management.ThreadMXBean threads;

    private ThreadAllocations(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    /**
     * The platform's counter, switched on if it is off.
     *
     * @return the counter
     * @throws IllegalStateException when the JVM does not count allocated bytes per thread
     */
    public static ThreadAllocations platform() {
        var threads = ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class);
        if (threads == null || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread: the sandbox's "
                    + "allocation limits need com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes");
        }
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return new ThreadAllocations(threads);
    }

    @Override
    public long allocatedBytes(Thread thread) {
        return thread == Thread.currentThread()
                ? threads.getCurrentThreadAllocatedBytes()
                : threads.getThreadAllocatedBytes(thread.threadId());
    }
}

package dev.plinth.transfer.internal.http;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers for sending files, reused: a file is read into one and Jetty writes it to the socket from there, so
 * the bytes are copied once into the process and once out (a heap buffer costs a copy more each way). At most
 * {@code kept} buffers wait for reuse; more are made when that many sends run at once, and dropped afterwards.
 *
 * <p>Thread-safe, without locks.
 */
final class DirectBuffers {

    private final int size;
    private final int kept;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();

    /**
     * Creates the pool.
     *
     * @param size the bytes of each buffer
     * @param kept how many buffers wait for reuse at most
     */
    DirectBuffers(int size, int kept) {
        this.size = size;
        this.kept = kept;
    }

    /** {@return a cleared buffer, reused or new} */
    ByteBuffer take() {
        ByteBuffer buffer = free.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(size);
        }
        freeCount.decrementAndGet();
        return buffer.clear();
    }

    /**
     * Gives a buffer back.
     *
     * @param buffer a buffer {@link #take()} gave, no longer used
     */
    void give(ByteBuffer buffer) {
        if (freeCount.incrementAndGet() <= kept) {
            free.offer(buffer);
        } else {
            freeCount.decrementAndGet();
        }
    }
}

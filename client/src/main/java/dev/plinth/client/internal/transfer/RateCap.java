package dev.plinth.client.internal.transfer;

import java.util.concurrent.locks.LockSupport;

/**
 * A cap on a client's download rate: bytes taken are paid for with time, a second's worth held at most.
 *
 * <p>Thread-safe: the downloads of one client share it.
 */
final class RateCap {

    private static final long SECOND = 1_000_000_000L;

    private final long bytesPerSecond;
    private long availableAt;

    RateCap(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.availableAt = System.nanoTime();
    }

    /** Waits until {@code bytes} more may be received. */
    void take(long bytes) {
        long wakeAt;
        synchronized (this) {
            long now = System.nanoTime();
            availableAt = Math.max(availableAt, now - SECOND) + bytes * SECOND / bytesPerSecond;
            wakeAt = availableAt - SECOND;
        }
        long wait;
        while ((wait = wakeAt - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

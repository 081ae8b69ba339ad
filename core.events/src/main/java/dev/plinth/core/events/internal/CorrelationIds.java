package dev.plinth.core.events.internal;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correlation ids: {@code 5f3a09c2-1b}, a random prefix per dispatcher (so ids of different runs do not collide in
 * logs) and a sequence number. Thread-safe.
 */
final class CorrelationIds {

    private final String prefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final AtomicLong sequence = new AtomicLong();

    String next() {
        return prefix + '-' + Long.toHexString(sequence.incrementAndGet());
    }
}

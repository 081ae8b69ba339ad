package dev.plinth.core.sandbox.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.memory.RetainedMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The server-wide heap guard's decision: past its threshold after a collection, the resource that keeps the most is
 * stopped; below it, or twice for one collection, nothing is.
 */
class HeapGuardTest {

    private static final long MB = 1024 * 1024;

    /** A resource whose measure the test sets. */
    static class Keeper implements RetainedMemory {
        final String name;
        final List<String> stops = new ArrayList<>();

        Keeper(String name) {
            this.name = name;
        }

        @Override
        public String resource() {
            return name;
        }

        @Override
        public long limitBytes() {
            return 512 * MB;
        }

        @Override
        public long measure() {
            return 0;
        }

        @Override
        public void stop(String message) {
            stops.add(message);
        }
    }

    private final AtomicReference<HeapGuard.Heap> heap = new AtomicReference<>(new HeapGuard.Heap(100 * MB, 1024 * MB));
    private final HeapGuard guard = new HeapGuard(heap::get, () -> 85);
    private final Keeper small = new Keeper("small");
    private final Keeper big = new Keeper("big");
    private final Map<RetainedMemory, Long> measured = Map.of(small, 10 * MB, big, 300 * MB);

    @Test
    void belowTheThresholdNothingIsStopped() {
        assertTrue(guard.check(measured).isEmpty());
    }

    @Test
    void pastTheThresholdTheResourceThatKeepsTheMostIsChosenOncePerCollection() {
        heap.set(new HeapGuard.Heap(900 * MB, 1024 * MB));
        var verdict = guard.check(measured).orElseThrow();
        assertEquals(big, verdict.biggest());
        assertEquals(300 * MB, verdict.bytes());
        assertEquals("88% (900.0 MB of 1024.0 MB)", verdict.describeHeap());
        assertTrue(guard.check(measured).isEmpty(), "the same collection is not acted on twice");
        heap.set(new HeapGuard.Heap(901 * MB, 1024 * MB));
        assertEquals(big, guard.check(measured).orElseThrow().biggest(), "a new collection, still full");
    }
}

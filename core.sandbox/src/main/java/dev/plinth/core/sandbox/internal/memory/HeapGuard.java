package dev.plinth.core.sandbox.internal.memory;

import dev.plinth.core.sandbox.memory.RetainedMemory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The server-wide heap guard: after a garbage collection, the heap still in use (the pools' usage after their last
 * collection) past {@code heap_guard_percent} of its maximum means the server is about to run out; the resource that
 * keeps the most is the one to stop, so the server never dies of one resource's memory.
 *
 * <p>Confined to the memory thread.
 */
final class HeapGuard {

    private final Supplier<Heap> heap;
    private final IntSupplier percent;
    private long lastCollectionUsed = -1;

    HeapGuard(Supplier<Heap> heap, IntSupplier percent) {
        this.heap = heap;
        this.percent = percent;
    }

    /**
     * The guard of this JVM's heap.
     *
     * @param percent the threshold
     * @return the guard
     */
    static HeapGuard platform(IntSupplier percent) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .toList();
        return new HeapGuard(() -> {
            long used = 0;
            long max = 0;
            for (MemoryPoolMXBean pool : pools) {
                MemoryUsage afterCollection = pool.getCollectionUsage();
                if (afterCollection != null) {
                    used += afterCollection.getUsed();
                }
                long poolMax = pool.getUsage().getMax();
                max += poolMax < 0 ? 0 : poolMax;
            }
            long heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
            return new Heap(used, heapMax > 0 ? heapMax : max);
        }, percent);
    }

    /**
     * The heap after the last collection: what is in use, and the most there may be.
     *
     * @param usedAfterCollection bytes in use after the last collection of each pool
     * @param max the heap's maximum
     */
    record Heap(long usedAfterCollection, long max) {}

    /**
     * The guard's decision.
     *
     * @param biggest the resource to stop
     * @param bytes what it keeps
     * @param heap the heap that called for it
     */
    record Verdict(RetainedMemory biggest, long bytes, Heap heap) {
        String describeHeap() {
            return String.format(Locale.ROOT, "%.0f%% (%s of %s)", 100.0 * heap.usedAfterCollection() / heap.max(),
                    megabytes(heap.usedAfterCollection()), megabytes(heap.max()));
        }
    }

    /**
     * Looks at the heap after the last collection (once per collection).
     *
     * @param measured what each running resource keeps, as last measured
     * @return the resource to stop, when the heap is past the threshold
     */
    Optional<Verdict> check(Map<RetainedMemory, Long> measured) {
        Heap now = heap.get();
        if (now.max() <= 0 || now.usedAfterCollection() == lastCollectionUsed) {
            return Optional.empty();
        }
        lastCollectionUsed = now.usedAfterCollection();
        if (now.usedAfterCollection() * 100 < now.max() * (long) percent.getAsInt()) {
            return Optional.empty();
        }
        return measured.entrySet().stream()
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> new Verdict(entry.getKey(), entry.getValue(), now));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}

package dev.plinth.core.sandbox.internal.memory;

import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.settings.SettingsService;
import dev.plinth.core.sandbox.memory.RetainedMemory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The sandbox's memory thread ({@value #THREAD}): every {@code sandbox.memory_check_ms} it measures what each
 * resource keeps (the {@link RetainedMemory} services the hosts register) when it ran code since its last measure
 * ({@link MeasureRounds}), records it in the resource's account, and stops a resource that keeps more than its limit;
 * then it asks the {@link HeapGuard} whether the server's heap, after the last collection, is past its threshold, and
 * if so stops the resource that keeps the most. Measuring runs here, never on the game thread.
 *
 * <p>Thread-safe: the whiteboard is a copy-on-write list; the measures are this thread's own.
 */
@Component(immediate = true, service = {})
public final class MemoryMonitor {

    /** The memory thread's name. */
    public static final String THREAD = "plinth-sandbox-memory";

    private final AccountBook accounts;
    private final LongSupplier period;
    private final HeapGuard heap;
    private final Logger log;
    private final List<RetainedMemory> resources = new CopyOnWriteArrayList<>();
    private final Map<RetainedMemory, Long> measured = new ConcurrentHashMap<>();
    private final MeasureRounds rounds = new MeasureRounds();
    private volatile @Nullable Thread thread;

    /**
     * Creates the monitor.
     *
     * @param accounts where the measures are recorded
     * @param settings {@code memory_check_ms} and {@code heap_guard_percent}
     * @param loggers where stops are reported
     */
    @Activate
    public MemoryMonitor(@Reference AccountBook accounts, @Reference SettingsService settings,
            @Reference LoggerFactory loggers) {
        this.accounts = accounts;
        this.period = () -> settings.config().memoryCheck().toNanos();
        this.heap = HeapGuard.platform(() -> settings.config().heapGuardPercent());
        this.log = loggers.getLogger(MemoryMonitor.class);
    }

    /**
     * Takes a resource in: a host registered its {@link RetainedMemory}.
     *
     * @param resource the resource's memory
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RetainedMemory resource) {
        resources.add(resource);
    }

    /**
     * Lets a resource go: it stopped.
     *
     * @param resource the resource's memory
     */
    void removeResource(RetainedMemory resource) {
        resources.remove(resource);
        measured.remove(resource);
    }

    /** Starts the memory thread. */
    @Activate
    void start() {
        Thread started = Thread.ofPlatform().name(THREAD).daemon().unstarted(this::run);
        thread = started;
        started.start();
    }

    /** Stops the memory thread. */
    @Deactivate
    void stop() throws InterruptedException {
        Thread running = thread;
        thread = null;
        if (running != null) {
            LockSupport.unpark(running);
            running.join(Duration.ofSeconds(5));
        }
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            LockSupport.parkNanos(this, period.getAsLong());
            if (thread != Thread.currentThread()) {
                return;
            }
            round();
        }
    }

    /**
     * One round of the memory thread: measures the resources that ran code since their last measure
     * ({@link MeasureRounds}), then asks the heap guard. Memory thread only (and tests).
     */
    void round() {
        rounds.begin(resources);
        for (RetainedMemory resource : resources) {
            if (rounds.due(resource, accounts.snapshot(resource.resource()))) {
                check(resource);
            }
        }
        heap.check(measured).ifPresent(this::stopBiggest);
    }

    /** Measures one resource the monitor holds and stops it when it keeps more than it may. */
    void check(RetainedMemory resource) {
        long bytes;
        try {
            bytes = resource.measure();
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("{}: its retained memory could not be measured: {}", resource.resource(), e.toString());
            return;
        }
        measured.put(resource, bytes);
        if (!resources.contains(resource)) {
            // it stopped while it was measured: removeResource may have run before the put, which would keep the
            // resource (and everything it holds, a JavaScript context) in the map for good
            measured.remove(resource);
            return;
        }
        accounts.account(resource.resource()).ifPresent(account -> account.retained(bytes));
        if (bytes > resource.limitBytes()) {
            String message = String.format(Locale.ROOT, "it keeps %s, more than its limit of %s (max_memory_mb)",
                    HeapGuard.megabytes(bytes), HeapGuard.megabytes(resource.limitBytes()));
            resources.remove(resource);
            measured.remove(resource);
            resource.stop(message);
        }
    }

    private void stopBiggest(HeapGuard.Verdict verdict) {
        RetainedMemory biggest = verdict.biggest();
        log.error("the server's heap is {} full after a collection (sandbox.heap_guard_percent): stopping {}, which "
                + "keeps the most ({})", verdict.describeHeap(), biggest.resource(),
                HeapGuard.megabytes(verdict.bytes()));
        resources.remove(biggest);
        measured.remove(biggest);
        biggest.stop("the server's heap is " + verdict.describeHeap() + " full after a collection and it keeps the most ("
                + HeapGuard.megabytes(verdict.bytes()) + ")");
    }
}

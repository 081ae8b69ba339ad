package dev.plinth.lang.js.internal.engine;

import dev.plinth.lang.js.meter.ContextHeap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one context keeps on the heap, measurable from any thread ({@link SharedEngine#enteredContextMemory()}).
 *
 * <p>Truffle walks a context's heap ({@link ContextHeap}) only on a thread whose safepoint mechanism it has set up,
 * which it does the first time the thread enters a context; on a thread that never did, the walk fails ("The
 * TruffleSafepoint mechanism is not initialized on this thread"). So the first measurement on a thread makes it ready
 * first (it enters and leaves a blank context of the engine once): the sandbox's memory thread, a test's thread or any
 * other thread measures, whatever it did before.
 *
 * <p>Thread-safe: measure from any thread that is not running code of a polyglot context; the context may run code
 * meanwhile (the figure then counts what the running call holds too).
 */
public final class ContextMemory {

    private final ContextHeap heap;
    private final Runnable readyThread;

    /**
     * Measures a context through Truffle's walk, the thread made ready first.
     *
     * @param heap Truffle's walk of the context
     * @param readyThread makes the calling thread one Truffle walks a heap on; cheap once it was done on the thread
     */
    ContextMemory(ContextHeap heap, Runnable readyThread) {
        this.heap = Objects.requireNonNull(heap, "heap");
        this.readyThread = Objects.requireNonNull(readyThread, "readyThread");
    }

    /**
     * Measures what the context keeps now: Truffle walks the objects reachable from the context's roots, leaving out
     * what the engine shares. Slow: call it off the game thread.
     *
     * @param stopAtBytes stop walking once this much is found (the result is then more than this)
     * @param cancelled set to stop the walk early
     * @return the bytes, or more than {@code stopAtBytes}
     * @throws java.util.concurrent.CancellationException when {@code cancelled} was set
     * @throws IllegalStateException when the context or the engine is closed
     * @throws UnsupportedOperationException when this JVM cannot measure a context's heap (GraalJS runs without the
     *     Graal JIT)
     */
    public long retainedBytes(long stopAtBytes, AtomicBoolean cancelled) {
        readyThread.run();
        return heap.retainedBytes(stopAtBytes, cancelled);
    }
}

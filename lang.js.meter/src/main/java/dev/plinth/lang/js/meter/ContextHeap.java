package dev.plinth.lang.js.meter;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Java heap one GraalJS context keeps ({@link HeapMeter#heap()}).
 *
 * <p>Thread-safe: measure from any thread that is not running code of a polyglot context; the context may run code
 * meanwhile (the figure is then an estimate).
 */
@ProviderType
public interface ContextHeap {

    /**
     * Measures what the context keeps now: Truffle walks the objects reachable from the context's roots, leaving out
     * what the engine shares.
     *
     * @param stopAtBytes stop walking once this much is found (the result is then more than this)
     * @param cancelled set to stop the walk early
     * @return the bytes, or more than {@code stopAtBytes}
     * @throws CancellationException when {@code cancelled} was set
     * @throws IllegalStateException when the context is closed
     * @throws UnsupportedOperationException when this JVM cannot measure a context's heap
     */
    long retainedBytes(long stopAtBytes, AtomicBoolean cancelled);
}

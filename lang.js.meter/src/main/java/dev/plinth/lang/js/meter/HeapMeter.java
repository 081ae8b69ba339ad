package dev.plinth.lang.js.meter;

import java.util.Objects;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The heap meter of one GraalJS {@link Engine}: what a context keeps on the Java heap, measured by Truffle from the
 * context's own roots (its global object, its modules, the closures and frames they reach) without what the engine
 * shares between contexts (parsed code, shapes). Slow (it walks the context's objects), so it runs off the hot path.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface HeapMeter {

    /**
     * The heap meter of an engine.
     *
     * @param engine the engine
     * @return its meter
     * @throws IllegalStateException when the instrument is not on the engine's class path
     */
    static HeapMeter of(Engine engine) {
        Instrument instrument = engine.getInstruments().get(StatementMeter.ID);
        if (instrument == null) {
            throw new IllegalStateException("the meter (" + StatementMeter.ID + ") is not on GraalJS's class path: "
                    + "dev.plinth.lang.js.meter belongs beside polyglot and js-language");
        }
        return Objects.requireNonNull(instrument.lookup(HeapMeter.class), "the heap meter's service");
    }

    /**
     * The heap of the context entered on the calling thread, to measure later from any thread.
     *
     * @return the context's heap
     * @throws IllegalStateException when no context of this engine is entered on the calling thread
     */
    ContextHeap heap();
}

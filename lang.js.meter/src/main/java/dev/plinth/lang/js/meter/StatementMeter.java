package dev.plinth.lang.js.meter;

import java.util.Objects;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The statement meter of one GraalJS {@link Engine}: every context of the engine gets a {@link StatementCounter}
 * that counts the statements of non-internal sources it runs (the same statements GraalJS's own
 * {@code ResourceLimits.statementLimit} counts), against a budget its host arms for each call. Unlike that limit,
 * a budget that runs out does not cancel the context: the counter tells its host, which interrupts the call
 * ({@code Context.interrupt}) and keeps the context.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface StatementMeter {

    /** The instrument's id. */
    String ID = "plinth-statement-meter";

    /**
     * The meter of an engine; the instrument is created on first use, and only contexts created afterwards are
     * counted in compiled code without a deoptimization, so look it up right after building the engine.
     *
     * @param engine the engine
     * @return its meter
     * @throws IllegalStateException when the instrument is not on the engine's class path
     */
    static StatementMeter of(Engine engine) {
        Instrument instrument = engine.getInstruments().get(ID);
        if (instrument == null) {
            throw new IllegalStateException("the statement meter (" + ID + ") is not on GraalJS's class path: "
                    + "dev.plinth.lang.js.meter belongs beside polyglot and js-language");
        }
        return Objects.requireNonNull(instrument.lookup(StatementMeter.class), "the meter's service");
    }

    /**
     * The counter of the context entered on the calling thread.
     *
     * @return the counter, the same for every call in that context
     * @throws IllegalStateException when no context of this engine is entered on the calling thread
     */
    StatementCounter counter();

    /**
     * Where the code of the context entered on the calling thread runs, to ask later from another thread.
     *
     * @return the context's locator
     * @throws IllegalStateException when no context of this engine is entered on the calling thread
     */
    ContextLocator locator();
}

package dev.plinth.lang.js.meter;

import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider;
import java.util.Collection;
import java.util.List;

/**
 * How Truffle finds the statement meter ({@code META-INF/services}): not for Plinth's code, which uses
 * {@link StatementMeter#of}. Written by hand where Truffle's annotation processor would generate it.
 */
@TruffleInstrument.Registration(id = StatementMeter.ID, name = "Plinth statement meter",
        services = {StatementMeter.class, HeapMeter.class})
public final class StatementMeterProvider extends TruffleInstrumentProvider {

    /** Called by Truffle's service loader. */
    public StatementMeterProvider() {
    }

    @Override
    protected String getInstrumentClassName() {
        return MeterInstrument.class.getName();
    }

    @Override
    protected Object create() {
        return new MeterInstrument();
    }

    @Override
    protected Collection<String> getServicesClassNames() {
        return List.of(StatementMeter.class.getName(), HeapMeter.class.getName());
    }
}

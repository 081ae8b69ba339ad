package dev.plinth.log.slf4j.internal;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the framework: loggers that write to the OSGi Log Service, so what Jetty and the web
 * console log reaches the console and the log files like the rest. Found by SLF4J through
 * {@code META-INF/services} (this bundle is a fragment of {@code slf4j.api}).
 *
 * <p>Thread-safe: SLF4J initializes it once.
 */
public final class OsgiLogProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private volatile OsgiLoggerFactory loggers;

    /** Created by {@link java.util.ServiceLoader}. */
    public OsgiLogProvider() {
        // initialize() does the work
    }

    @Override
    public void initialize() {
        loggers = new OsgiLoggerFactory();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}

package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Logs what handlers did wrong, in the name of the bundle that owns them, through the OSGi Log Service when there
 * is one (else the JDK's platform logger). A handler that keeps failing is logged for its first
 * {@value #LOGGED_IN_FULL} failures, then once every {@value #LOG_EVERY} failures; {@code event:stats} counts every
 * one.
 *
 * <p>Thread-safe.
 */
final class FailureLog {

    static final String LOGGER = "dev.plinth.core.events";
    static final int LOGGED_IN_FULL = 5;
    static final int LOG_EVERY = 100;

    private final AtomicReference<@Nullable LoggerFactory> loggers = new AtomicReference<>();

    /** Logs through this Log Service from now on. */
    void bind(LoggerFactory factory) {
        loggers.set(factory);
    }

    /** This Log Service is going away: back to the platform logger unless another one was bound since. */
    void unbind(LoggerFactory factory) {
        loggers.compareAndSet(factory, null);
    }

    /** A handler threw; its error count already includes this failure. */
    void handlerFailed(Handler handler, Event event, Throwable failure) {
        long errors = handler.errors;
        if (errors > LOGGED_IN_FULL && errors % LOG_EVERY != 0) {
            return;
        }
        String more = errors > LOGGED_IN_FULL
                ? " (" + errors + " failures so far, logging one in " + LOG_EVERY + ")"
                : "";
        error(handler.owner, "event '" + event.name() + "': handler " + handler.location + " of "
                + handler.owner.label() + " (" + handler.priority + ") failed" + more, failure);
    }

    /**
     * A MONITOR handler changed the cancellation of an event that is no MutableEvent; it was put back, unless the
     * event refused ({@code refused}).
     */
    void monitorChangedCancellation(Handler handler, Event event, boolean restored, @Nullable Throwable refused) {
        error(handler.owner, "event '" + event.name() + "': MONITOR handler " + handler.location + " of "
                + handler.owner.label() + " changed its cancellation, which MONITOR handlers may not; "
                + (refused == null ? "put back to " + restored : "could not put it back"), refused);
    }

    private void error(Owner owner, String message, @Nullable Throwable failure) {
        LoggerFactory factory = loggers.get();
        if (factory == null) {
            System.getLogger(LOGGER).log(System.Logger.Level.ERROR, message, failure);
            return;
        }
        Logger logger = logger(factory, owner.bundle());
        if (failure == null) {
            logger.error("{}", message);
        } else {
            logger.error("{}", message, failure);
        }
    }

    private static Logger logger(LoggerFactory factory, @Nullable Bundle bundle) {
        if (bundle != null) {
            try {
                return factory.getLogger(bundle, LOGGER, Logger.class);
            } catch (IllegalArgumentException e) {
                // the bundle is being uninstalled: log in the bus's name
            }
        }
        return factory.getLogger(LOGGER);
    }
}

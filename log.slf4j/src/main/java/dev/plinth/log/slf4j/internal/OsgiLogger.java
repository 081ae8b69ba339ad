package dev.plinth.log.slf4j.internal;

import java.io.Serial;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.log.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger writing to the OSGi Log Service on behalf of a bundle; its levels are the Log Service's
 * ({@code org.osgi.service.log.admin.loglevel} and the {@code LoggerAdmin}). Before the Log Service starts or after
 * it stops, warnings and errors go to standard error and the rest is dropped.
 *
 * <p>Thread-safe.
 */
final class OsgiLogger extends LegacyAbstractLogger {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Bundle bundle;
    private final transient OsgiLoggerFactory factory;

    OsgiLogger(String name, Bundle bundle, OsgiLoggerFactory factory) {
        this.name = name;
        this.bundle = bundle;
        this.factory = factory;
    }

    private Optional<Logger> target() {
        return factory.service().map(f -> f.getLogger(bundle, name, Logger.class));
    }

    @Override
    public boolean isTraceEnabled() {
        return target().map(Logger::isTraceEnabled).orElse(false);
    }

    @Override
    public boolean isDebugEnabled() {
        return target().map(Logger::isDebugEnabled).orElse(false);
    }

    @Override
    public boolean isInfoEnabled() {
        return target().map(Logger::isInfoEnabled).orElse(false);
    }

    @Override
    public boolean isWarnEnabled() {
        return target().map(Logger::isWarnEnabled).orElse(true);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        Optional<Logger> logger = target();
        if (logger.isEmpty()) {
            if (level == Level.WARN || level == Level.ERROR) {
                System.err.println(level + " [" + name + "] " + message + (throwable == null ? "" : ": " + throwable));
            }
            return;
        }
        Logger out = logger.get();
        switch (level) {
            case TRACE -> out.trace("{}", message, throwable);
            case DEBUG -> out.debug("{}", message, throwable);
            case INFO -> out.info("{}", message, throwable);
            case WARN -> out.warn("{}", message, throwable);
            case ERROR -> out.error("{}", message, throwable);
        }
    }
}

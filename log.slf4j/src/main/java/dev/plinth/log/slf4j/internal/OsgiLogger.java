package dev.plinth.log.slf4j.internal;

import java.io.Serial;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger writing to the OSGi Log Service on behalf of a bundle; its levels are the Log Service's
 * ({@code org.osgi.service.log.admin.loglevel} and the {@code LoggerAdmin}). Before the Log Service starts or after
 * it stops, warnings and errors go to standard error and the rest is dropped.
 *
 * <p>The OSGi logger is looked up once per Log Service, and its level read again at most every 100 ms: a level set
 * through the {@code LoggerAdmin} applies within that time. A level check is what libraries do on their hot paths
 * ({@code isDebugEnabled()} before each debug line: Jetty several times a request), and the Log Service resolves a
 * level on every check (formatting its logger context names each time): a sixth of what the server's Java code did
 * while 100 clients downloaded their files.
 *
 * <p>Thread-safe.
 */
final class OsgiLogger extends LegacyAbstractLogger {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How long a level read from the Log Service holds, in nanoseconds. */
    static final long LEVEL_NANOS = 100_000_000L;

    private final transient Bundle bundle;
    private final transient Supplier<Optional<LoggerFactory>> service;
    private transient volatile @Nullable Bound bound;

    /**
     * The OSGi logger of one Log Service and its level as read at a moment.
     *
     * @param service the Log Service's logger factory it came from
     * @param logger the logger
     * @param level its effective level
     * @param readAt when the level was read ({@link System#nanoTime()})
     */
    private record Bound(LoggerFactory service, Logger logger, LogLevel level, long readAt) {}

    /**
     * Creates the logger.
     *
     * @param name its name
     * @param bundle the bundle it logs for
     * @param service the Log Service's logger factory, empty while there is none
     */
    OsgiLogger(String name, Bundle bundle, Supplier<Optional<LoggerFactory>> service) {
        this.name = name;
        this.bundle = bundle;
        this.service = service;
    }

    /** {@return the OSGi logger and its level, empty while there is no Log Service} */
    private Optional<Bound> target() {
        LoggerFactory current = service.get().orElse(null);
        if (current == null) {
            return Optional.empty();
        }
        Bound known = bound;
        long now = System.nanoTime();
        if (known != null && known.service() == current && now - known.readAt() < LEVEL_NANOS) {
            return Optional.of(known);
        }
        Logger logger = known != null && known.service() == current ? known.logger()
                : current.getLogger(bundle, name, Logger.class);
        Bound read = new Bound(current, logger, level(logger), now);
        bound = read;
        return Optional.of(read);
    }

    /** {@return the most detailed level a logger logs at} */
    private static LogLevel level(Logger logger) {
        if (logger.isTraceEnabled()) {
            return LogLevel.TRACE;
        }
        if (logger.isDebugEnabled()) {
            return LogLevel.DEBUG;
        }
        if (logger.isInfoEnabled()) {
            return LogLevel.INFO;
        }
        if (logger.isWarnEnabled()) {
            return LogLevel.WARN;
        }
        return logger.isErrorEnabled() ? LogLevel.ERROR : LogLevel.AUDIT;
    }

    private boolean enabled(LogLevel wanted, boolean withoutLogService) {
        return target().map(b -> b.level().implies(wanted)).orElse(withoutLogService);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(LogLevel.TRACE, false);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(LogLevel.DEBUG, false);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(LogLevel.INFO, false);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(LogLevel.WARN, true);
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
        Optional<Logger> logger = target().map(Bound::logger);
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

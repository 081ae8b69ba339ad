package dev.plinth.core.sandbox.internal.host;

import dev.plinth.core.sandbox.host.LogSink;
import dev.plinth.core.sandbox.host.ScriptLog;
import java.util.function.LongSupplier;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

/**
 * A {@link ScriptLog} on an OSGi logger, or on another {@link LogSink}: each line escaped into one console line,
 * and a token bucket of {@code linesPerSecond} refilled continuously, holding at most four seconds' worth. Lines
 * that find the bucket empty are dropped and counted; the next line that passes is preceded by one line saying how
 * many were.
 *
 * <p>Thread-safe: the bucket is guarded by this object's monitor (never held while logging).
 */
final class RateLimitedLog implements ScriptLog {

    private static final long SECOND = 1_000_000_000L;

    private final LogSink sink;
    private final String resource;
    private final int linesPerSecond;
    private final LongSupplier clock;
    private final long capacity;
    private long tokens;
    private long refilledAt;
    private long droppedTotal;
    private long droppedUnreported;

    RateLimitedLog(Logger logger, String resource, int linesPerSecond, LongSupplier clock) {
        this((level, line) -> {
            switch (level) {
                case ERROR -> logger.error("{}", line);
                case WARN -> logger.warn("{}", line);
                default -> logger.info("{}", line);
            }
        }, resource, linesPerSecond, clock);
    }

    RateLimitedLog(LogSink sink, String resource, int linesPerSecond, LongSupplier clock) {
        this.sink = sink;
        this.resource = resource;
        this.linesPerSecond = linesPerSecond;
        this.clock = clock;
        this.capacity = 4L * linesPerSecond * SECOND;
        this.tokens = capacity;
        this.refilledAt = clock.getAsLong();
    }

    @Override
    public void print(String line) {
        if (admit()) {
            sink.line(LogLevel.INFO, ConsoleLine.escape(line));
        }
    }

    @Override
    public void info(String message) {
        print(message);
    }

    @Override
    public void warn(String message) {
        if (admit()) {
            sink.line(LogLevel.WARN, ConsoleLine.escape(message));
        }
    }

    @Override
    public void error(String message) {
        if (admit()) {
            sink.line(LogLevel.ERROR, ConsoleLine.escape(message));
        }
    }

    @Override
    public void fatal(String message) {
        reportDropped();
        sink.line(LogLevel.ERROR, ConsoleLine.escape(message));
    }

    @Override
    public synchronized long dropped() {
        return droppedTotal;
    }

    @Override
    public void close() {
        reportDropped();
    }

    /** Takes a token; reports earlier drops first when there were some. */
    private boolean admit() {
        long unreported;
        synchronized (this) {
            long now = clock.getAsLong();
            tokens = Math.min(capacity, tokens + Math.min(now - refilledAt, 4 * SECOND) * linesPerSecond);
            refilledAt = now;
            if (tokens < SECOND) {
                droppedTotal++;
                droppedUnreported++;
                return false;
            }
            tokens -= SECOND;
            unreported = droppedUnreported;
            droppedUnreported = 0;
        }
        if (unreported > 0) {
            warnDropped(unreported);
        }
        return true;
    }

    private void reportDropped() {
        long unreported;
        synchronized (this) {
            unreported = droppedUnreported;
            droppedUnreported = 0;
        }
        if (unreported > 0) {
            warnDropped(unreported);
        }
    }

    private void warnDropped(long count) {
        sink.line(LogLevel.WARN, count + " line(s) of " + resource + " dropped: it logged more than " + linesPerSecond
                + " lines per second (sandbox.log_lines_per_second)");
    }
}

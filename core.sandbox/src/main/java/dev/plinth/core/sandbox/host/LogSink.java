package dev.plinth.core.sandbox.host;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.log.LogLevel;

/**
 * Where the lines of a {@link ScriptLog} go when they are not the OSGi log's: a headless client prints its scripts'
 * lines on its own console. Each line arrives escaped (one console line, no control characters).
 *
 * <p>Called on the thread that logs, possibly several at once.
 */
@ConsumerType
@FunctionalInterface
public interface LogSink {

    /**
     * Takes one line.
     *
     * @param level {@code INFO} for prints, {@code WARN}, {@code ERROR}
     * @param line the escaped text
     */
    void line(LogLevel level, String line);
}

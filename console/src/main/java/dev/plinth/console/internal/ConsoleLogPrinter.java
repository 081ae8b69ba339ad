package dev.plinth.console.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Prints log entries (except the routine framework, bundle and service events below WARN) at or above the level of the framework property {@code plinth.log.level} (default
 * {@code INFO}) to the server console: {@code 12:00:01 WARN  [bundle] message}. {@link #flush} waits until every
 * entry logged before it is printed, so the scripted console prints what a command logged before its next prompt.
 *
 * <p>Called back on the Log Service's delivery thread; printing is synchronized by the print stream.
 */
@Component(immediate = true, service = ConsoleLogPrinter.class)
public final class ConsoleLogPrinter implements LogListener {

    /** The logger of the flush markers, which are never printed. */
    static final String FLUSH_LOGGER = "dev.plinth.console.flush";

    static final String LEVEL = "plinth.log.level";
    private static final String LOG_SERVICE_WRAPPER = "org.apache.felix.log.LogException";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final LogReaderService reader;
    private final LogLevel threshold;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final Logger flushes;
    private final AtomicLong markers = new AtomicLong();
    private final Map<String, CountDownLatch> pending = new ConcurrentHashMap<>();

    /**
     * Subscribes to the log.
     *
     * @param context the console bundle's context, for the level setting
     * @param reader the log reader to subscribe to
     * @param loggers the log, to write the flush markers
     */
    @Activate
    public ConsoleLogPrinter(BundleContext context, @Reference LogReaderService reader,
            @Reference LoggerFactory loggers) {
        this.reader = reader;
        this.flushes = loggers.getLogger(context.getBundle(), FLUSH_LOGGER, Logger.class);
        this.threshold = LogLevel.valueOf(
                Optional.ofNullable(context.getProperty(LEVEL)).orElse("INFO").toUpperCase(Locale.ROOT));
        reader.addLogListener(this);
    }

    @Deactivate
    void close() {
        reader.removeLogListener(this);
    }

    /**
     * Waits until every entry logged before this call has been printed (or {@code timeout} has passed): a marker
     * is logged and waited for, as entries are delivered in the order they were logged.
     *
     * @param timeout how long to wait at most
     * @throws InterruptedException when interrupted while waiting
     */
    void flush(Duration timeout) throws InterruptedException {
        String marker = "flush " + markers.incrementAndGet();
        var printed = new CountDownLatch(1);
        pending.put(marker, printed);
        try {
            flushes.audit(marker); // audit entries are recorded whatever the log levels say
            printed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.remove(marker);
        }
    }

    @Override
    public void logged(LogEntry entry) {
        if (FLUSH_LOGGER.equals(entry.getLoggerName())) {
            CountDownLatch printed = pending.get(entry.getMessage());
            if (printed != null) {
                printed.countDown();
            }
            return;
        }
        if (!threshold.implies(entry.getLogLevel()) || isRoutineEvent(entry)) {
            return;
        }
        var line = new StringBuilder()
                .append(TIME.format(Instant.ofEpochMilli(entry.getTime()))).append(' ')
                .append(String.format(Locale.ROOT, "%-5s", entry.getLogLevel())).append(' ')
                .append('[').append(entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName()).append("] ")
                .append(entry.getMessage());
        Throwable failure = entry.getException();
        if (failure != null) {
            line.append(": ").append(describe(failure));
        }
        out.println(line);
    }

    /**
     * How a failure reads on the console. Plinth's own exceptions are written for server owners (a script error names
     * the resource, the file and the line): their message alone, not their Java class. Anything else as Java prints it.
     * The Log Service hands over an exception of a bundle wrapped (Felix Log's {@code LogException}, whose message
     * begins with the original class name); the resource's log file keeps the whole stack either way.
     */
    static String describe(Throwable failure) {
        String text = failure.getClass().getName().equals(LOG_SERVICE_WRAPPER) ? failure.getMessage()
                : failure.toString();
        int message = text.indexOf(": ");
        return text.startsWith("dev.plinth.") && message > 0 && !text.endsWith(": null")
                ? text.substring(message + 2) : text;
    }

    /** The log service records every framework, bundle and service event; only their warnings and errors matter. */
    private static boolean isRoutineEvent(LogEntry entry) {
        return entry.getLoggerName().startsWith("Events.") && !LogLevel.WARN.implies(entry.getLogLevel());
    }
}

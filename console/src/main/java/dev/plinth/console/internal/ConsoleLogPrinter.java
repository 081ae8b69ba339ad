package dev.plinth.console.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints log entries (except the routine framework, bundle and service events below WARN) at or above the level of the framework property {@code plinth.log.level} (default
 * {@code INFO}) to the server console: {@code 12:00:01 WARN  [bundle] message}.
 *
 * <p>Called back on the Log Service's delivery thread; printing is synchronized by the print stream.
 */
@Component(immediate = true, service = {})
public final class ConsoleLogPrinter implements LogListener {

    static final String LEVEL = "plinth.log.level";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final LogReaderService reader;
    private final LogLevel threshold;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    /**
     * Subscribes to the log.
     *
     * @param context the console bundle's context, for the level setting
     * @param reader the log reader to subscribe to
     */
    @Activate
    public ConsoleLogPrinter(BundleContext context, @Reference LogReaderService reader) {
        this.reader = reader;
        this.threshold = LogLevel.valueOf(
                Optional.ofNullable(context.getProperty(LEVEL)).orElse("INFO").toUpperCase(Locale.ROOT));
        reader.addLogListener(this);
    }

    @Deactivate
    void close() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
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
            line.append(": ").append(failure);
        }
        out.println(line);
    }

    /** The log service records every framework, bundle and service event; only their warnings and errors matter. */
    private static boolean isRoutineEvent(LogEntry entry) {
        return entry.getLoggerName().startsWith("Events.") && !LogLevel.WARN.implies(entry.getLogLevel());
    }
}

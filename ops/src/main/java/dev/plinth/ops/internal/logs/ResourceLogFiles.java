package dev.plinth.ops.internal.logs;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ServerConfigFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Writes each resource's log entries to its own file, {@code data/<resource>/logs/latest.log}, besides the console:
 * a {@link LogListener} on the OSGi log, so whatever logs on behalf of a resource bundle (its language host's script
 * logger, a Java plugin's own logger, the framework's warnings about it) lands there without the host doing
 * anything. Rotation follows {@code logs} of {@code conf/server.json} ({@link LogSettings}), read when this
 * component activates.
 *
 * <p>At most {@value #MAX_OPEN} files are open at once; the others are closed and reopened at their next entry.
 * Entries arrive on the Log Service's delivery thread; every method is synchronized. A file that cannot be
 * written is reported once on standard error (not to the log, which would feed it back here).
 */
@Component(immediate = true, service = ResourceLogFiles.class)
public final class ResourceLogFiles implements LogListener, BundleListener {

    /** How many resources' files stay open at once (a server may run hundreds of resources). */
    static final int MAX_OPEN = 32;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final BundleContext context;
    private final LogReaderService reader;
    private final ResourceService resources;
    private final LogSettings settings;
    private final Optional<Path> dataRoot;
    private final Map<Long, Optional<RotatingLogFile>> files = new HashMap<>();
    /** The files with an open writer, least recently written first: at most {@value #MAX_OPEN} stay open. */
    private final Map<Long, RotatingLogFile> open = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Starts listening.
     *
     * @param context this bundle's context, for the instance home and bundle events
     * @param reader the log
     * @param resources which bundles are resources, and their names
     * @param config {@code conf/server.json}, for the rotation settings
     */
    @Activate
    public ResourceLogFiles(BundleContext context, @Reference LogReaderService reader,
            @Reference ResourceService resources, @Reference ServerConfigFile config) {
        this.context = context;
        this.reader = reader;
        this.resources = resources;
        this.settings = read(config);
        this.dataRoot = Optional.ofNullable(context.getProperty("plinth.home")).map(home -> Path.of(home, "data"));
        context.addBundleListener(this);
        reader.addLogListener(this);
    }

    @Deactivate
    synchronized void close() {
        reader.removeLogListener(this);
        context.removeBundleListener(this);
        files.values().forEach(f -> f.ifPresent(ResourceLogFiles::closeQuietly));
        files.clear();
        open.clear();
    }

    /**
     * Where a resource's current log file is.
     *
     * @param resource the resource name
     * @return {@code data/<resource>/logs/latest.log}, or empty without an instance home
     */
    public Optional<Path> latest(String resource) {
        return folder(resource).map(f -> f.resolve(RotatingLogFile.LATEST));
    }

    @Override
    public synchronized void logged(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        if (bundle == null || isRoutineEvent(entry)) {
            return;
        }
        Optional<RotatingLogFile> file = files.computeIfAbsent(bundle.getBundleId(), id -> open(bundle));
        if (file.isEmpty()) {
            return;
        }
        try {
            file.get().append(format(entry));
            open.put(bundle.getBundleId(), file.get());
            if (open.size() > MAX_OPEN) {
                var eldest = open.entrySet().iterator();
                closeQuietly(eldest.next().getValue()); // reopened (appending) at its next entry
                eldest.remove();
            }
        } catch (IOException e) {
            System.err.println("plinth: cannot write " + file.get().latest() + ": " + e.getMessage());
            closeQuietly(file.get());
            files.put(bundle.getBundleId(), Optional.empty());
        }
    }

    /** A resource bundle that is updated or uninstalled: its file is closed and found again at its next entry. */
    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UPDATED || event.getType() == BundleEvent.UNINSTALLED
                || event.getType() == BundleEvent.UNRESOLVED) {
            open.remove(event.getBundle().getBundleId());
            Optional<RotatingLogFile> file = files.remove(event.getBundle().getBundleId());
            if (file != null) {
                file.ifPresent(ResourceLogFiles::closeQuietly);
            }
        }
    }

    private Optional<RotatingLogFile> open(Bundle bundle) {
        return resources.descriptor(bundle).map(ResourceDescriptor::name).flatMap(this::folder)
                .map(folder -> new RotatingLogFile(folder, settings));
    }

    private Optional<Path> folder(String resource) {
        return dataRoot.map(root -> root.resolve(resource).resolve("logs"));
    }

    static String format(LogEntry entry) {
        var line = new StringBuilder()
                .append(TIME.format(Instant.ofEpochMilli(entry.getTime()))).append(' ')
                .append(String.format(Locale.ROOT, "%-5s", entry.getLogLevel())).append(' ')
                .append('[').append(entry.getLoggerName()).append("] ")
                .append(entry.getMessage()).append('\n');
        Throwable failure = entry.getException();
        if (failure != null) {
            var trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    /** The framework's routine bundle and service events: only their warnings and errors matter. */
    private static boolean isRoutineEvent(LogEntry entry) {
        return entry.getLoggerName().startsWith("Events.") && !LogLevel.WARN.implies(entry.getLogLevel());
    }

    private static LogSettings read(ServerConfigFile config) {
        try {
            return config.read("logs", LogSettings.class).orElse(LogSettings.DEFAULTS);
        } catch (ConfigException e) {
            System.err.println("plinth: " + e.getMessage() + "; resource logs use the defaults (1 MiB, 5 kept)");
            return LogSettings.DEFAULTS;
        }
    }

    private static void closeQuietly(RotatingLogFile file) {
        try {
            file.close();
        } catch (IOException e) {
            // nothing more to lose: the next entry opens it again
        }
    }
}

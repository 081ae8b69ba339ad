package dev.plinth.benchmarks.reload.inside;

import java.util.ArrayDeque;
import java.util.List;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;

/**
 * The last log lines about one resource (from its bundle, or naming it), kept while a harness run goes, so that a
 * failed run can say what the resource and the resource manager logged before it failed.
 *
 * <p>Thread-safe: the log service calls it on its own thread.
 */
final class RecentLog implements LogListener {

    private static final int KEPT = 60;

    private final String resource;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    RecentLog(String resource) {
        this.resource = resource;
    }

    @Override
    public void logged(LogEntry entry) {
        String message = entry.getMessage();
        boolean about = resource.equals(entry.getBundle().getSymbolicName())
                || message != null && message.contains(resource);
        if (!about) {
            return;
        }
        String line = entry.getLogLevel() + " [" + entry.getBundle().getSymbolicName() + "] " + message
                + (entry.getException() == null ? "" : " (" + entry.getException() + ")");
        synchronized (lines) {
            if (lines.size() == KEPT) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** {@return the lines kept, oldest first} */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}

package dev.plinth.core.events.internal;

import dev.plinth.core.events.HandlerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code event:stats} as a table, like FiveM's {@code resmon}: one row per handler, slowest total first.
 */
final class StatsTable {

    private static final String[] HEADER = {"owner", "event", "location", "priority", "calls", "errors", "total ms",
        "mean µs", "max µs"};
    /** Columns from this one on are numbers, aligned right. */
    private static final int FIRST_NUMBER = 4;

    private StatsTable() {}

    /**
     * The table.
     *
     * @param stats the rows, in order
     * @param timingRate one dispatch in this many is timed
     */
    static String format(List<HandlerStats> stats, int timingRate) {
        if (stats.isEmpty()) {
            return "No event handlers are subscribed.";
        }
        var rows = new ArrayList<String[]>();
        rows.add(HEADER);
        for (HandlerStats s : stats) {
            rows.add(new String[] {s.owner(), s.event(), s.location(), s.priority().name(), Long.toString(s.calls()),
                Long.toString(s.errors()), decimal(s.totalNanos() / 1e6, 3), decimal(s.meanNanos() / 1e3, 3),
                decimal(s.maxNanos() / 1e3, 1)});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        var out = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                out.append(c >= FIRST_NUMBER ? pad + cell : cell + (c == row.length - 1 ? "" : pad));
                if (c < row.length - 1) {
                    out.append("  ");
                }
            }
            out.append('\n');
        }
        out.append(stats.size()).append(stats.size() == 1 ? " handler; " : " handlers; ");
        out.append(timingRate == 1 ? "every call timed"
                : "times measured on 1 dispatch in " + timingRate + ", scaled to all calls");
        return out.toString();
    }

    private static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}

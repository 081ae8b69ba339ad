package dev.plinth.ops.internal.resmon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code resource:top} as text, like FiveM's {@code resmon}: one row per resource, slowest first.
 */
final class TopTable {

    private static final String[] HEADER = {"resource", "language", "ms/tick", "max ms", "tick %", "calls", "work",
        "allocated", "retained", "offences"};
    /** Columns from this one on are numbers, aligned right. */
    private static final int FIRST_NUMBER = 2;

    private TopTable() {}

    static String format(List<ResourceCost> costs, long tick) {
        if (costs.isEmpty()) {
            return "No script resource is running (Java plugins are not measured here: event:stats shows their "
                    + "event handlers).";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ResourceCost c : costs) {
            rows.add(new String[] {c.resource(), c.language(), decimal(c.msPerTickMean(), 3),
                decimal(c.msPerTickMax(), 3), decimal(c.tickShare() * 100, 2), Long.toString(c.calls()),
                Long.toString(c.work()), bytes(c.allocatedBytes()), c.retainedBytes() == 0 ? "-" : bytes(c.retainedBytes()),
                Integer.toString(c.offences())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        var out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                out.append(i >= FIRST_NUMBER ? pad + row[i] : row[i] + (i == row.length - 1 ? "" : pad));
                out.append(i == row.length - 1 ? "\n" : "  ");
            }
        }
        out.append(costs.size()).append(costs.size() == 1 ? " resource" : " resources")
                .append(" at tick ").append(tick)
                .append("; ms/tick and max over the last 100 ticks, tick % of the 50 ms budget; work in each host's "
                        + "units (Lua instructions, WebAssembly fuel); retained as last measured (- before); Java plugins "
                        + "not measured");
        return out.toString();
    }

    private static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return decimal(bytes / 1024.0, 1) + " KiB";
        }
        return decimal(bytes / (1024.0 * 1024), 1) + " MiB";
    }
}

package dev.plinth.core.resource.internal.shell;

import java.util.ArrayList;
import java.util.List;

/** A text table with left-aligned columns as wide as their widest cell. Not thread-safe. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void row(String... cells) {
        rows.add(cells);
    }

    @Override
    public String toString() {
        return render(rows);
    }

    /** The rows without the header line (for key-value listings). */
    String withoutHeader() {
        return render(rows.subList(1, rows.size()));
    }

    private static String render(List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        var text = new StringBuilder();
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString().stripTrailing();
    }
}

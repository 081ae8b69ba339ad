package dev.plinth.core.resource.internal.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of a manifest table that Plinth does not read: they are ignored, as other tools' keys must be, and named
 * in a warning with the known key they are likely a slip for ({@code mian}, {@code verison}, {@code depends} for the
 * {@code [dependencies]} table). Stateless.
 */
final class UnknownKeys {

    /** At most this many edits (a transposition is one) from a known key is taken for a slip. */
    private static final int SLIP_EDITS = 2;
    /** A key sharing this many first letters with a known one is taken for a slip ({@code depends}). */
    private static final int SLIP_PREFIX = 5;

    private UnknownKeys() {}

    /**
     * Warns about the keys of a table that are none of the known ones.
     *
     * @param table the table ({@code plugin}, or the root)
     * @param known the keys Plinth reads there, as they are spelt
     * @param elsewhere where keys that belong elsewhere go, by name ({@code dependencies} → {@code a [dependencies]
     *     table}), offered as well
     * @return one warning per unknown key, in the order written
     */
    static List<String> in(ManifestNode table, List<String> known, Map<String, String> elsewhere) {
        var warnings = new ArrayList<String>();
        table.fields().forEach((key, field) -> {
            if (!known.contains(key)) {
                String where = table.path().isEmpty() ? "" : " in [" + table.path() + "]";
                warnings.add(field.ignored("is not a key Plinth reads" + where + ", so it is ignored"
                        + hint(key, known, elsewhere)));
            }
        });
        return warnings;
    }

    private static String hint(String key, List<String> known, Map<String, String> elsewhere) {
        Optional<String> same = known.stream().filter(k -> slip(key, k)).findFirst();
        if (same.isPresent()) {
            return " (did you mean '" + same.get() + "'?)";
        }
        return elsewhere.entrySet().stream().filter(e -> slip(key, e.getKey())).findFirst()
                .map(e -> " (did you mean " + e.getValue() + "?)").orElse("");
    }

    private static boolean slip(String written, String known) {
        return edits(written, known) <= SLIP_EDITS || commonPrefix(written, known) >= SLIP_PREFIX;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

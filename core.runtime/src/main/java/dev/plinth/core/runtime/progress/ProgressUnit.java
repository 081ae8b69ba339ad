package dev.plinth.core.runtime.progress;

import java.util.Locale;

/** What a {@link ProgressTask} counts, for how its amounts are shown. */
public enum ProgressUnit {
    /** Things: files, resources, modules ({@code 12 of 100}). */
    ITEMS,
    /** Bytes ({@code 4.0 of 10.0 MiB}). */
    BYTES;

    /**
     * An amount as this unit shows it.
     *
     * @param amount the amount
     * @return {@code 12}, or {@code 4.0 MiB}
     */
    public String format(long amount) {
        if (this == ITEMS) {
            return Long.toString(amount);
        }
        if (amount < 1024) {
            return amount + " B";
        }
        if (amount < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", amount / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", amount / (1024.0 * 1024));
    }
}

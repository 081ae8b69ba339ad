package dev.plinth.client.internal.transfer;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows a transfer to the user: on a terminal a progress bar redrawn in place (a line starting with {@code \r} is
 * drawn over the last one), otherwise a progress line at most once a second, and always the totals at the end.
 *
 * <p>Thread-safe.
 */
public final class ProgressView {

    private static final int WIDTH = 30;
    private static final long LINE_NANOS = 1_000_000_000L;

    private final Consumer<String> out;
    private final boolean bar;
    private final LongSupplier clock;
    private long begunAt;
    private long shownAt;
    private boolean shown;

    /**
     * Creates the view.
     *
     * @param out where lines go
     * @param bar whether {@code out} is a terminal
     */
    public ProgressView(Consumer<String> out, boolean bar) {
        this(out, bar, System::nanoTime);
    }

    /**
     * Creates the view with its own clock.
     *
     * @param out where lines go
     * @param bar whether {@code out} is a terminal
     * @param clock nanoseconds, as {@link System#nanoTime()} counts them
     */
    ProgressView(Consumer<String> out, boolean bar, LongSupplier clock) {
        this.out = out;
        this.bar = bar;
        this.clock = clock;
    }

    /**
     * Bytes as a user reads them.
     *
     * @param amount bytes
     * @return {@code 512 B}, {@code 4.0 KiB}, {@code 1.2 MiB}
     */
    public static String bytes(long amount) {
        if (amount < 1024) {
            return amount + " B";
        }
        if (amount < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", amount / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", amount / (1024.0 * 1024));
    }

    synchronized void begin(long files, long total, long cached) {
        begunAt = clock.getAsLong();
        shown = false;
        out.accept("transfer: " + files + " file(s) to download (" + bytes(total) + "), " + cached + " in the cache");
    }

    synchronized void progress(long files, long totalFiles, long received, long totalBytes, String resource) {
        long now = clock.getAsLong();
        if (bar) {
            int filled = totalBytes == 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * received / totalBytes);
            out.accept(String.format(Locale.ROOT, "\r[%s%s] %3d%% %d/%d files %s/%s %s", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), totalBytes == 0 ? 100 : 100 * received / totalBytes, files, totalFiles,
                    bytes(received), bytes(totalBytes), resource));
        } else if (!shown || now - shownAt >= LINE_NANOS) {
            shown = true;
            shownAt = now;
            out.accept("progress: " + files + "/" + totalFiles + " files, " + bytes(received) + " of "
                    + bytes(totalBytes) + (resource.isEmpty() ? "" : " (" + resource + ")"));
        }
    }

    synchronized void complete(long files, long received) {
        double seconds = (clock.getAsLong() - begunAt) / 1e9;
        out.accept(String.format(Locale.ROOT, "transfer complete: %d file(s), %s in %.1f s", files, bytes(received),
                seconds));
    }

    /**
     * A line of its own about the transfer.
     *
     * @param text the line
     */
    public synchronized void line(String text) {
        out.accept(text);
    }
}

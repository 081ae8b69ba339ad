package dev.plinth.core.runtime.internal.progress;

import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.osgi.service.log.Logger;

/**
 * One task's reporting: a line at most every {@link #INTERVAL_NANOS} while it runs, one at its end.
 *
 * <p>Thread-safe: counters are atomic and one thread at a time wins the right to print a progress line.
 */
final class ProgressReporter implements ProgressTask {

    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Logger logger;
    private final String what;
    private final long total;
    private final ProgressUnit unit;
    private final LongSupplier clock;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextLine;
    private final AtomicBoolean ended = new AtomicBoolean();

    ProgressReporter(Logger logger, String what, long total, ProgressUnit unit, LongSupplier clock) {
        this.logger = logger;
        this.what = Objects.requireNonNull(what, "what");
        this.total = total;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.clock = clock;
        this.started = clock.getAsLong();
        this.nextLine = new AtomicLong(started + INTERVAL_NANOS);
    }

    @Override
    public void advance(long amount) {
        long now = done.addAndGet(Math.max(0, amount));
        long at = clock.getAsLong();
        long due = nextLine.get();
        if (at >= due && !ended.get() && nextLine.compareAndSet(due, at + INTERVAL_NANOS)) {
            logger.info("{}: {}", what, line(now));
        }
    }

    @Override
    public void fail(String reason) {
        if (ended.compareAndSet(false, true)) {
            logger.warn("{}: failed after {} ({}): {}", what, seconds(), line(done.get()), reason);
        }
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            logger.info("{}: done in {} ({})", what, seconds(), unit.format(done.get()));
        }
    }

    /** {@code 40% (4.0 of 10.0 MiB)}, or {@code 4.0 MiB so far} when the total is unknown. */
    String line(long now) {
        if (total <= 0) {
            return unit.format(now) + " so far";
        }
        long percent = Math.min(100, now * 100 / total);
        return percent + "% (" + unit.format(now) + " of " + unit.format(total) + ")";
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f s", (clock.getAsLong() - started) / 1e9);
    }
}

package dev.plinth.core.sandbox.watchdog;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A call that ran past its wall-clock bound.
 *
 * @param resource the resource whose call it is
 * @param thread the thread that entered the call
 * @param bound the call's bound
 * @param elapsed how long it has run so far
 * @param notice 1 the first time the watchdog interrupts the call, 2 and more when it still runs one bound (at least
 *     a second) later (it did not react: a host stops the resource)
 */
public record Overrun(String resource, Thread thread, Duration bound, Duration elapsed, int notice) {

    /** Validates the components. */
    public Overrun {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * How scripts and logs read it.
     *
     * @return for example {@code ran for 1.2 s, past its wall-clock bound of 1 s}
     */
    public String describe() {
        return "ran for " + seconds(elapsed) + ", past its wall-clock bound of " + seconds(bound);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

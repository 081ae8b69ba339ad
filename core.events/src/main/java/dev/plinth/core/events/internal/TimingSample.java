package dev.plinth.core.events.internal;

import org.jspecify.annotations.Nullable;

/**
 * How often the dispatcher times a dispatch: one in {@code rate}, a power of two so that the check is a mask.
 *
 * <p>Timing every handler call would cost a clock read per call ({@code System.nanoTime()} takes about 25 ns on
 * a virtual machine, more than a whole small handler), so by default one dispatch in {@value #DEFAULT_RATE} is
 * timed, every handler of it, and each handler's total time is its mean over the timed calls multiplied by all its
 * calls. The maximum is the longest timed call. Measured with 10 small handlers: one in 64 adds about 2 ns to a
 * 37 ns dispatch, one in 16 about 15 ns. Rate 1 times every call (exact totals and maxima, for hunting a slow
 * handler).
 *
 * @param rate one timed dispatch in {@code rate}, a power of two
 */
record TimingSample(int rate) {

    /** The framework property that sets the rate when the configuration does not. */
    static final String PROPERTY = "plinth.events.timing.sample";
    static final int DEFAULT_RATE = 64;
    private static final int MAX_RATE = 1 << 20;

    TimingSample {
        if (rate < 1 || rate > MAX_RATE || Integer.bitCount(rate) != 1) {
            throw new IllegalArgumentException(
                    "timing sample rate must be a power of two in [1, " + MAX_RATE + "]: " + rate);
        }
    }

    /**
     * The rate from the configuration, else from the framework property, else the default; rounded up to a power
     * of two.
     *
     * @param configured the configured rate, 0 when not configured
     * @param property the framework property's value, if set
     * @throws IllegalArgumentException when the property is not a number
     */
    static TimingSample of(int configured, @Nullable String property) {
        int rate = configured > 0 ? configured
                : property != null && !property.isBlank() ? parse(property.strip()) : DEFAULT_RATE;
        return new TimingSample(roundUp(rate));
    }

    private static int parse(String property) {
        try {
            return Integer.parseInt(property);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a whole number, not '" + property + "'", e);
        }
    }

    private static int roundUp(int rate) {
        int clamped = Math.clamp(rate, 1, MAX_RATE);
        return clamped == 1 ? 1 : Integer.highestOneBit(clamped - 1) << 1;
    }

    /** The mask a dispatch counter is tested with. */
    int mask() {
        return rate - 1;
    }
}

package dev.plinth.core.runtime.internal.tick;

/**
 * When the next tick starts. Ticks start every period; a tick that overran its period is followed at once by the
 * next one, and the ticks it made the loop miss are dropped, never caught up: an overrun slows the game down
 * instead of causing a storm of back-to-back ticks.
 *
 * @param periodNanos the time between two tick starts
 */
record TickPacer(long periodNanos) {

    /** 20 ticks per second. */
    static final TickPacer TWENTY_TPS = new TickPacer(50_000_000L);

    /**
     * The start of the tick after the one that was due at {@code due}.
     *
     * @param due when the tick that just ran was due
     * @param now the time now ({@link System#nanoTime()})
     * @return the next start: one period after {@code due}, or now when that is already past
     */
    long next(long due, long now) {
        long next = due + periodNanos;
        return next - now < 0 ? now : next;
    }
}

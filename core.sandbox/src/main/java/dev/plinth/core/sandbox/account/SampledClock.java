package dev.plinth.core.sandbox.account;

/**
 * Times one call in {@value #SAMPLE} of one resource, at the rate the event bus times its handlers by default: reading
 * the clock twice costs more than a small call does (a read takes about 20 ns on a virtual machine, and a host that
 * measures a call's allocation reads the thread's allocation counter at the same rate, about 15 ns a read), so a
 * host reads it on every {@value #SAMPLE}th call only and counts that call's
 * time {@value #SAMPLE} times ({@link Account#charge}'s {@code nanos} is then an estimate whose error shrinks as calls
 * add up); rare calls (a start, a stop) are timed every time. A host keeps one per resource and brackets each
 * outermost call with {@link #start} and {@link #elapsed}.
 *
 * <p>Not thread-safe: confined to the calls of one resource, which its host runs one at a time.
 */
public final class SampledClock {

    /** One call in this many is timed; a power of two. */
    public static final int SAMPLE = 64;

    private long calls;

    /** Creates a clock whose {@value #SAMPLE}th call is the first one timed. */
    public SampledClock() {}

    /**
     * Starts a call.
     *
     * @param sampled whether the call is one of many (a handler, a command, a task, an export: timed one in
     *     {@value #SAMPLE}) rather than a rare one (a start, a stop: always timed, so that one long call is never
     *     missed nor counted {@value #SAMPLE} times)
     * @return the time it started ({@link System#nanoTime()}) when it is timed, else {@code 0}
     */
    public long start(boolean sampled) {
        return !sampled || (++calls & (SAMPLE - 1)) == 0 ? System.nanoTime() : 0;
    }

    /**
     * Ends a call.
     *
     * @param startedAt what {@link #start} returned for it
     * @param sampled what {@link #start} was given for it
     * @return its time, scaled to the calls it stands for when sampled, in nanoseconds; {@code 0} for a call that was
     *     not timed
     */
    public long elapsed(long startedAt, boolean sampled) {
        if (startedAt == 0) {
            return 0;
        }
        long nanos = Math.max(1, System.nanoTime() - startedAt);
        return sampled ? nanos * SAMPLE : nanos;
    }
}

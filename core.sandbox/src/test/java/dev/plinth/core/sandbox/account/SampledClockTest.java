package dev.plinth.core.sandbox.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One call in {@value SampledClock#SAMPLE} is timed, and its time stands for that many calls. */
class SampledClockTest {

    @Test
    void everySixteenthCallIsTimedAndScaled() throws Exception {
        var clock = new SampledClock();
        for (int round = 0; round < 3; round++) {
            for (int call = 1; call < SampledClock.SAMPLE; call++) {
                long started = clock.start(true);
                assertEquals(0, started, "call " + call + " of round " + round + " is not timed");
                assertEquals(0, clock.elapsed(started, true));
            }
            long started = clock.start(true);
            assertTrue(started != 0, "the " + SampledClock.SAMPLE + "th call is timed");
            Thread.sleep(2);
            long elapsed = clock.elapsed(started, true);
            assertTrue(elapsed >= 2_000_000L * SampledClock.SAMPLE, "scaled to the calls it stands for: " + elapsed);
        }
    }

    @Test
    void rareCallsAreTimedEveryTimeAndNotScaled() throws Exception {
        var clock = new SampledClock();
        long started = clock.start(false);
        assertTrue(started != 0, "a start or a stop is always timed");
        Thread.sleep(2);
        long elapsed = clock.elapsed(started, false);
        assertTrue(elapsed >= 2_000_000L && elapsed < 2_000_000L * SampledClock.SAMPLE, "not scaled: " + elapsed);
        for (int call = 1; call < SampledClock.SAMPLE; call++) {
            assertEquals(0, clock.start(true), "rare calls do not count towards the sample: call " + call);
        }
    }
}

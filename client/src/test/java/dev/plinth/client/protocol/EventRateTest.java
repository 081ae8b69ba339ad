package dev.plinth.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private int burst(EventRate rate) {
        int passed = 0;
        while (rate.take()) {
            passed++;
        }
        return passed;
    }

    @Test
    void aBurstOfFourSecondsWorthPassesThenNothing() {
        var rate = new EventRate(20, now::get);
        assertEquals(80, burst(rate));
        assertEquals(0, burst(rate), "the rest is dropped");
    }

    @Test
    void refillsAtTheRateAndNeverPastTheBurst() {
        var rate = new EventRate(20, now::get);
        burst(rate);
        now.addAndGet(500_000_000L);
        assertEquals(10, burst(rate), "half a second: half of 20");
        now.addAndGet(3_600_000_000_000L);
        assertEquals(80, burst(rate), "an hour of silence still allows four seconds' worth only");
    }
}

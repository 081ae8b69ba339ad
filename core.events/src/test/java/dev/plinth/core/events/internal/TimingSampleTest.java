package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The timing sample rate: configuration first, then the framework property, then the default. */
class TimingSampleTest {

    @Test
    void theConfigurationWinsAndIsRoundedUpToAPowerOfTwo() {
        assertEquals(16, TimingSample.of(10, "4").rate());
        assertEquals(1, TimingSample.of(1, null).rate());
        assertEquals(0, TimingSample.of(1, null).mask());
    }

    @Test
    void theFrameworkPropertyAppliesWhenNothingIsConfigured() {
        assertEquals(4, TimingSample.of(0, " 3 ").rate());
        assertEquals(TimingSample.DEFAULT_RATE, TimingSample.of(0, null).rate());
        assertEquals(TimingSample.DEFAULT_RATE, TimingSample.of(0, "").rate());
    }

    @Test
    void aPropertyThatIsNotANumberIsRefusedWithItsName() {
        var refused = assertThrows(IllegalArgumentException.class, () -> TimingSample.of(0, "often"));
        assertEquals("plinth.events.timing.sample must be a whole number, not 'often'", refused.getMessage());
    }
}

package dev.plinth.core.sandbox.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ValueBudgetTest {

    private final AtomicLong charged = new AtomicLong();

    @Test
    void valuesPastTheCountAreRefusedAndTheWorkIsCharged() {
        ValueBudget budget = new ValueBounds(32, 5000, 1 << 20).budget("dag", "the payload of mc.emit",
                charged::addAndGet);
        var refused = assertThrows(ValueLimitException.class, () -> {
            while (true) {
                budget.node();
            }
        });
        budget.finish();
        assertEquals("dag: the payload of mc.emit holds more than 5000 values (shared tables count each time they "
                + "appear)", refused.getMessage());
        assertEquals(5000, charged.get());
    }

    @Test
    void depthAndBytesAreBounded() {
        ValueBudget budget = new ValueBounds(2, 100, 10).budget("deep", "the value", charged::addAndGet);
        budget.enter();
        budget.enter();
        assertThrows(ValueLimitException.class, budget::enter);
        assertThrows(ValueLimitException.class, () -> budget.bytes(11));
    }
}

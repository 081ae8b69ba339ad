package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-call allocation guard, with an allocation counter the test moves by hand. */
class AllocationWatchTest {

    private final AtomicLong counter = new AtomicLong(1_000);

    /** Lets the guard's thread look at the slots a few times (it looks every two milliseconds). */
    private static void letTheGuardLook() throws InterruptedException {
        Thread.sleep(50);
    }

    /** Waits until the guard has seen the armed call, however loaded the machine. */
    private static void awaitTheGuard(AllocationWatch.Slot slot) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!slot.seen()) {
            assertTrue(System.nanoTime() < until, "the guard's thread never looked at the call");
            Thread.sleep(1);
        }
    }

    @Test
    void aCallPastItsLimitIsToldOnceAndAFinishedOneNever() throws InterruptedException {
        var told = new AtomicInteger();
        var overrun = new CountDownLatch(1);
        try (var watch = new AllocationWatch(thread -> counter.get())) {
            watch.open();
            try (var slot = watch.slot(() -> {
                told.incrementAndGet();
                overrun.countDown();
            })) {
                slot.arm(100, false);
                awaitTheGuard(slot);
                counter.addAndGet(50);
                letTheGuardLook();
                assertFalse(slot.broken(), "50 of 100 bytes");
                assertEquals(50, slot.allocated(), "counted from the guard's first look");
                counter.addAndGet(100);
                assertTrue(overrun.await(10, TimeUnit.SECONDS), "150 of 100 bytes");
                assertTrue(slot.broken());
                letTheGuardLook();
                assertEquals(1, told.get(), "told once per call");
                slot.disarm();

                slot.arm(100, false);
                awaitTheGuard(slot);
                assertFalse(slot.broken(), "the next call starts unbroken");
                slot.disarm();
                counter.addAndGet(1_000);
                letTheGuardLook();
                assertEquals(1, told.get(), "what is allocated between calls is nobody's");
            }
        }
    }

    @Test
    void aMeasuredCallCountsFromItsStart() throws InterruptedException {
        try (var watch = new AllocationWatch(thread -> counter.get())) {
            watch.open();
            try (var slot = watch.slot(() -> { })) {
                slot.arm(1_000_000, true);
                counter.addAndGet(70);
                assertEquals(70, slot.allocated(), "before the guard has looked");
                letTheGuardLook();
                counter.addAndGet(30);
                assertEquals(100, slot.allocated());
                slot.disarm();
            }
        }
    }

    @Test
    void anUnmeasuredCallTheGuardHasNotSeenHasAllocatedNothingYet() {
        try (var watch = new AllocationWatch(thread -> counter.get())) {
            // not opened: the guard never looks
            try (var slot = watch.slot(() -> { })) {
                slot.arm(100, false);
                counter.addAndGet(500);
                assertEquals(0, slot.allocated());
                assertFalse(slot.broken());
                slot.disarm();
            }
        }
    }
}

package dev.plinth.core.sandbox.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.account.SampledClock;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.core.sandbox.watchdog.Watch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallBracketTest {

    private static final long SECOND = 1_000_000_000L;

    private final AccountBook accounts = new AccountBook();
    private final List<Overrun> overruns = new CopyOnWriteArrayList<>();
    private final WatchdogService watchdog = new WatchdogService(message -> { });
    private final AtomicLong tick = new AtomicLong(1);
    private final Account own = accounts.open("chat", "wasm", 1000);
    private final Watch watch = watchdog.watch("chat", overruns::add);
    private final CallBracket bracket = CallBracket.open(own, watch, tick::get);

    CallBracketTest() {
        watchdog.start();
    }

    @AfterEach
    void stop() {
        watch.close();
        watchdog.stop();
    }

    @Test
    void aCallIsChargedOnceToItsOwnAccountAtItsEnd() {
        assertEquals(300, bracket.enter(300, true, SECOND));
        assertTrue(bracket.active());
        assertSame(own, bracket.payer());
        assertEquals(0, own.snapshot().calls(), "nothing is charged before the call ends");
        assertTrue(bracket.exit(120, 4096));
        assertFalse(bracket.active());
        AccountSnapshot snapshot = own.snapshot();
        assertEquals(1, snapshot.calls());
        assertEquals(120, snapshot.work());
        assertEquals(4096, snapshot.allocatedBytes());
        assertEquals(880, own.tickLeft(1), "a call of the game spends the tick's budget");
    }

    @Test
    void aCallIsCappedByWhatIsLeftOfTheTick() {
        bracket.enter(800, true, SECOND);
        bracket.exit(800, 0);
        assertEquals(200, bracket.enter(800, true, SECOND), "the tick has 200 left");
        assertTrue(bracket.tickCapped());
        bracket.exit(200, 0);
        assertEquals(0, bracket.enter(800, true, SECOND), "the tick's budget is spent");
        bracket.exit(0, 0);
        tick.incrementAndGet();
        assertEquals(800, bracket.enter(800, true, SECOND), "the next tick refills it");
        assertFalse(bracket.tickCapped());
        bracket.exit(10, 0);
    }

    @Test
    void startingAndStoppingAreNotCappedByTheTickNorSpendIt() {
        bracket.enter(1000, true, SECOND);
        bracket.exit(1000, 0);
        assertEquals(5000, bracket.enter(5000, false, SECOND));
        assertFalse(bracket.tickCapped());
        assertFalse(bracket.tickBound());
        bracket.exit(5000, 0);
        assertEquals(0, own.tickLeft(1));
        assertEquals(6000, own.snapshot().work(), "but their work is charged");
        assertTrue(own.snapshot().nanos() > 0, "and a start is always timed");
    }

    @Test
    void nestedCallsShareTheOutermostAndAreChargedWithIt() {
        assertEquals(300, bracket.enter(300, true, SECOND));
        assertEquals(300, bracket.enter(5, true, SECOND), "a nested call keeps the outermost budget");
        assertEquals(2, bracket.depth());
        assertFalse(bracket.exit(99, 99), "a nested exit charges nothing");
        assertEquals(0, own.snapshot().calls());
        assertTrue(bracket.exit(40, 0));
        assertEquals(1, own.snapshot().calls());
        assertEquals(40, own.snapshot().work());
    }

    @Test
    void aBoundPayerPaysAndItsTickCapsTheCall() {
        Account caller = accounts.open("caller", "lua", 100);
        long granted = ScopedValue.where(Payer.CURRENT, caller).call(() -> {
            long budget = bracket.enter(300, true, SECOND);
            bracket.exit(70, 0);
            return budget;
        });
        assertEquals(100, granted, "the caller's tick has 100");
        assertSame(caller, bracket.payer());
        assertEquals(70, caller.snapshot().work());
        assertEquals(30, caller.tickLeft(1));
        assertEquals(0, own.snapshot().calls(), "the resource's own account pays nothing");
        assertEquals(1000, own.tickLeft(1));
    }

    @Test
    void hostWorkReachingOutIsPaidByThePayerOfTheCall() {
        Account caller = accounts.open("caller", "lua", 100);
        assertSame(own, bracket.asPayer(Payer.CURRENT::get), "outside a call the resource pays");
        ScopedValue.where(Payer.CURRENT, caller).run(() -> {
            bracket.enter(300, true, SECOND);
            assertSame(caller, bracket.asPayer(Payer.CURRENT::get));
            bracket.exit(1, 0);
        });
        bracket.enter(300, true, SECOND);
        assertSame(own, bracket.asPayer(Payer.CURRENT::get));
        bracket.exit(1, 0);
    }

    @Test
    void oneCallInSixteenIsTimedAndCountsSixteenTimes() throws InterruptedException {
        for (int i = 1; i < SampledClock.SAMPLE; i++) {
            bracket.enter(10, true, SECOND);
            bracket.exit(1, 0);
        }
        assertEquals(0, own.snapshot().nanos(), "fifteen calls, none timed");
        bracket.enter(10, true, SECOND);
        Thread.sleep(2);
        bracket.exit(1, 0);
        assertTrue(own.snapshot().nanos() >= 2_000_000L * SampledClock.SAMPLE,
                "the sixteenth call is timed and scaled: " + own.snapshot().nanos());
        assertEquals(SampledClock.SAMPLE, own.snapshot().calls(), "every call is counted");
    }

    @Test
    void theWatchBoundsTheOutermostCall() {
        bracket.enter(10, true, 1_000_000L);
        long deadline = System.nanoTime() + 5 * SECOND;
        while (!watch.overran() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(watch.overran(), "the watchdog found the call past its bound");
        bracket.exit(1, 0);
        assertFalse(watch.overran(), "the overrun ends with the call");
        assertEquals("chat", overruns.getFirst().resource());
    }

    @Test
    void aPausedCallLeavesRoomForOthersAndComesBackWhole() {
        Account caller = accounts.open("caller", "lua", 1000);
        ScopedValue.where(Payer.CURRENT, caller).run(() -> bracket.enter(300, true, SECOND));
        CallBracket.Paused paused = bracket.pause();
        assertFalse(bracket.active());
        bracket.enter(50, true, SECOND);
        assertSame(own, bracket.payer(), "a call meanwhile is a call of its own");
        bracket.exit(50, 0);
        bracket.resume(paused);
        assertTrue(bracket.active());
        assertSame(caller, bracket.payer());
        assertEquals(300, bracket.budget());
        assertTrue(bracket.exit(30, 0));
        assertEquals(30, caller.snapshot().work());
        assertEquals(50, own.snapshot().work());
    }

    @Test
    void badUseIsRefused() {
        assertThrows(IllegalStateException.class, () -> bracket.exit(0, 0));
        assertThrows(IllegalStateException.class, bracket::pause);
        assertThrows(IllegalArgumentException.class, () -> bracket.enter(10, true, 0));
        bracket.enter(10, true, SECOND);
        CallBracket.Paused paused = bracket.pause();
        bracket.enter(10, true, SECOND);
        assertThrows(IllegalStateException.class, () -> bracket.resume(paused));
        bracket.exit(0, 0);
        bracket.resume(paused);
        bracket.exit(0, 0);
    }
}

package dev.plinth.core.sandbox.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog as a host uses it: calls that end in time are left alone, calls that run past their bound are
 * interrupted (and told again while they keep running), suspended calls do not count, nested calls share the
 * outermost bound. Each overrunning call spins until the watchdog marks it, as a script spinning between two
 * checkpoints would; no test asserts how long anything took.
 */
class WatchdogTest {

    private static final long SAFETY = Duration.ofSeconds(20).toNanos();

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final WatchdogService watchdog = new WatchdogService(failures::add);
    private final List<Overrun> overruns = new CopyOnWriteArrayList<>();

    WatchdogTest() {
        watchdog.start();
    }

    @AfterEach
    void stop() {
        watchdog.stop();
        assertEquals(List.of(), failures);
    }

    private static void spinUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + SAFETY;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watchdog never came");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aCallPastItsBoundIsInterrupted() {
        Watch watch = watchdog.watch("spinner", overruns::add);
        watch.enter(Duration.ofMillis(20).toNanos());
        spinUntil(watch::overran);
        Overrun told = watch.overrun().orElseThrow();
        watch.exit();
        assertFalse(watch.overran(), "the next call starts clean");
        assertTrue(watch.overrun().isEmpty());
        Overrun overrun = overruns.getFirst();
        assertEquals(told, overrun);
        assertEquals("spinner", overrun.resource());
        assertEquals(Thread.currentThread(), overrun.thread());
        assertEquals(1, overrun.notice());
        assertEquals(Duration.ofMillis(20), overrun.bound());
        assertTrue(overrun.describe().matches("ran for \\d+(\\.\\d)? m?s, past its wall-clock bound of 20 ms"),
                overrun.describe());
    }

    @Test
    void anOverrunNamesTheThreadOfItsOwnCallAfterCallsOnAnother() throws InterruptedException {
        Watch watch = watchdog.watch("two-threads", overruns::add);
        for (int i = 0; i < 3; i++) {
            watch.enter(Duration.ofSeconds(10).toNanos());
            watch.exit();
        }
        Thread other = Thread.ofPlatform().name("other-caller").start(() -> {
            watch.enter(Duration.ofMillis(20).toNanos());
            spinUntil(watch::overran);
            watch.exit();
        });
        other.join(SAFETY / 1_000_000);
        assertFalse(other.isAlive(), "the other thread's call was interrupted and ended");
        assertEquals(other, overruns.getFirst().thread());
        watch.enter(Duration.ofMillis(20).toNanos());
        spinUntil(() -> overruns.size() >= 2);
        watch.exit();
        assertEquals(Thread.currentThread(), overruns.get(1).thread(), "and this thread's call, this thread");
    }

    @Test
    void aCallThatKeepsRunningIsToldAgain() {
        Watch watch = watchdog.watch("stuck", overruns::add);
        watch.enter(Duration.ofMillis(10).toNanos());
        spinUntil(() -> overruns.size() >= 2);
        watch.exit();
        assertEquals(List.of(1, 2), overruns.stream().limit(2).map(Overrun::notice).toList());
    }

    @Test
    void callsThatEndInTimeAreLeftAlone() throws InterruptedException {
        Watch watch = watchdog.watch("quick", overruns::add);
        for (int i = 0; i < 1000; i++) {
            watch.enter(Duration.ofSeconds(30).toNanos());
            watch.exit();
        }
        Thread.sleep(50);
        assertEquals(List.of(), overruns);
    }

    @Test
    void nestedCallsShareTheOutermostBound() {
        Watch watch = watchdog.watch("nested", overruns::add);
        watch.enter(Duration.ofMillis(10).toNanos());
        watch.enter(Duration.ofDays(1).toNanos());
        spinUntil(watch::overran);
        watch.exit();
        assertTrue(watch.overran(), "still the outer call");
        watch.exit();
        assertFalse(watch.overran());
    }

    @Test
    void aSuspendedCallDoesNotRunItsClock() throws InterruptedException {
        Watch watch = watchdog.watch("waiting", overruns::add);
        watch.enter(Duration.ofMillis(200).toNanos());
        Watch.Suspended waiting = watch.suspend();
        Thread.sleep(400);
        assertEquals(List.of(), overruns, "no interrupt while it waits outside of the script");
        watch.enter(Duration.ofSeconds(30).toNanos());
        watch.exit();
        watch.resume(waiting);
        spinUntil(watch::overran);
        watch.exit();
        assertEquals(1, overruns.size());
    }

    @Test
    void aClosedWatchIsNoLongerInterrupted() throws InterruptedException {
        Watch watch = watchdog.watch("gone", overruns::add);
        watch.close();
        watch.enter(Duration.ofMillis(1).toNanos());
        Thread.sleep(50);
        watch.exit();
        assertEquals(List.of(), overruns);
    }

    @Test
    void badUseIsRefused() {
        Watch watch = watchdog.watch("careless", overruns::add);
        assertThrows(IllegalArgumentException.class, () -> watch.enter(0));
        assertThrows(IllegalStateException.class, watch::exit);
        assertThrows(IllegalStateException.class, watch::suspend);
    }

    @Test
    void aFailingInterrupterIsReportedAndTheWatchdogGoesOn() {
        Watch failing = watchdog.watch("broken-host", overrun -> {
            throw new IllegalStateException("boom");
        });
        failing.enter(Duration.ofMillis(5).toNanos());
        spinUntil(failing::overran);
        failing.exit();
        Watch other = watchdog.watch("other", overruns::add);
        other.enter(Duration.ofMillis(5).toNanos());
        spinUntil(other::overran);
        other.exit();
        assertTrue(failures.removeFirst().contains("broken-host: its host's interrupter failed"));
        failures.clear();
    }
}

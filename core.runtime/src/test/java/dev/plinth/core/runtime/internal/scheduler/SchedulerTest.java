package dev.plinth.core.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.testing.TestServer;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks counted in ticks, owned by their resource, on the game thread. */
class SchedulerTest {

    @TempDir
    Path home;

    TestServer test;
    BundleScheduler scheduler;
    final List<String> ran = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        test = new TestServer(home);
        scheduler = test.scheduler("hello");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private long tick(int n) {
        return test.simulation().tick(n);
    }

    @Test
    void aDelayedTaskRunsOnceAtItsTickOnTheGameThread() {
        scheduler.runLater(3, () -> ran.add("later@" + test.loop.currentTick() + " " + test.loop.isGameThread()));
        tick(2);
        assertTrue(ran.isEmpty());
        tick(5);
        assertEquals(List.of("later@3 true"), ran);
        assertTrue(scheduler.tasks().isEmpty(), "a one-shot task is forgotten once it ran");
    }

    @Test
    void aRepeatingTaskRunsEveryPeriodUntilCancelled() {
        var task = scheduler.runRepeating(0, 2, () -> ran.add("r" + test.loop.currentTick()));
        tick(5);
        assertEquals(List.of("r1", "r3", "r5"), ran);
        assertTrue(task.cancel());
        assertFalse(task.isScheduled());
        tick(4);
        assertEquals(3, ran.size());
        assertFalse(scheduler.cancel(task.id()));
    }

    @Test
    void tasksOfTheSameTickRunInTheOrderTheyWereScheduled() {
        scheduler.runLater(2, () -> ran.add("b"));
        scheduler.runLater(1, () -> ran.add("a"));
        scheduler.runLater(2, () -> ran.add("c"));
        tick(2);
        assertEquals(List.of("a", "b", "c"), ran);
    }

    @Test
    void aFailingTaskIsLoggedWithItsResourceAndKeepsRepeating() {
        scheduler.runRepeating(1, 1, () -> {
            ran.add("x");
            throw new IllegalStateException("boom");
        });
        tick(3);
        assertEquals(3, ran.size());
        assertTrue(test.log.lines().stream().anyMatch(l -> l.contains("of resource 'hello' failed")), test.log.lines().toString());
    }

    @Test
    void stoppingTheResourceCancelsItsTasksAndItsAsyncWork() throws Exception {
        scheduler.runRepeating(1, 1, () -> ran.add("x"));
        var other = test.scheduler("other");
        other.runRepeating(1, 1, () -> ran.add("y"));
        var blocked = new CountDownLatch(1);
        var async = scheduler.runAsync(() -> {
            blocked.await();
            return "never";
        });

        scheduler.close();
        tick(2);

        assertEquals(List.of("y", "y"), ran);
        assertThrows(CancellationException.class, async::join);
    }

    @Test
    void asyncWorkRunsOffTheGameThreadAndComesBackOnIt() throws Exception {
        var result = scheduler.runAsync(() -> Thread.currentThread().getName())
                .thenApplyAsync(name -> name + " then " + Thread.currentThread().getName() + "@"
                        + test.loop.currentTick(), scheduler.onGameThread());
        String worker = scheduler.runAsync(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertTrue(worker.startsWith("plinth-async-"), worker);
        for (int i = 0; i < 50 && !result.isDone(); i++) {
            tick(1);
            Thread.sleep(10);
        }
        assertTrue(result.get(5, TimeUnit.SECONDS).matches("plinth-async-\\d+ then plinth-tick@\\d+"), result.get());
    }

    @Test
    void negativeDelaysAndZeroPeriodsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> scheduler.runLater(-1, () -> {}));
        assertThrows(IllegalArgumentException.class, () -> scheduler.runRepeating(0, 0, () -> {}));
    }

    /** What a script's task holds: its whole state. */
    private static final class ScriptState {
        final byte[] globals = new byte[1 << 20];
    }

    @Test
    void aCancelledOrOwnerStoppedRepeatingTaskLetsGoOfWhatItRunsAtOnce() throws InterruptedException {
        WeakReference<ScriptState> cancelled = schedule(scheduler);
        var other = test.scheduler("other");
        WeakReference<ScriptState> stopped = schedule(other);
        tick(1);
        scheduler.tasks().getFirst().cancel();
        other.close();
        for (int i = 0; i < 50 && (cancelled.get() != null || stopped.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, cancelled.get(), "the cancelled task's state is collectable before its next due tick");
        assertEquals(null, stopped.get(), "so is the task of a resource that stopped");
    }

    private static WeakReference<ScriptState> schedule(BundleScheduler owner) {
        var state = new ScriptState();
        owner.runRepeating(1000, 1000, () -> state.globals[0]++);
        return new WeakReference<>(state);
    }
}

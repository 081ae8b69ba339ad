package dev.plinth.core.runtime.internal.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.testing.TestLogger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tick loop: one named thread, ticks at 20 per second or step by step, work queued between ticks. */
class GameLoopTest {

    private final TestLogger log = new TestLogger();
    private GameLoop loop;

    private GameLoop start(boolean paused) {
        var settings = new ServerSettings(Optional.empty(), new ServerConfig(null, null, null, null,
                new ServerConfig.Game(false, paused, null)));
        loop = new GameLoop(settings, log.logger());
        loop.start();
        return loop;
    }

    @AfterEach
    void stop() {
        loop.stop();
    }

    private record Recording(List<Long> ticks, List<Boolean> deterministic, GameLoop loop) implements TickPhase {
        @Override
        public int order() {
            return 0;
        }

        @Override
        public void tick(long tick) {
            ticks.add(tick);
            deterministic.add(loop.inDeterministicSection());
        }
    }

    @Test
    void queuedWorkRunsOnTheNamedGameThread() throws Exception {
        start(true);
        assertFalse(loop.isGameThread());
        assertEquals("plinth-tick", loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS));
        assertTrue(loop.call(loop::isGameThread));
        assertFalse(loop.call(loop::inDeterministicSection), "work between ticks is not a deterministic section");
    }

    @Test
    void pausedTheClockOnlyMovesWhenAskedAndTicksAreDeterministicSections() {
        start(true);
        var phase = new Recording(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), loop);
        loop.addPhase(phase);

        assertEquals(3L, loop.call(() -> loop.runTicks(3)));
        assertEquals(List.of(1L, 2L, 3L), phase.ticks());
        assertEquals(List.of(true, true, true), phase.deterministic());
        assertEquals(3, loop.currentTick());
        assertTrue(loop.statistics().paused());
        assertEquals(3, loop.statistics().last5s().ticks());
    }

    @Test
    void runningTheClockTicksAboutTwentyTimesASecond() throws Exception {
        start(false);
        var reached = new CountDownLatch(10);
        loop.addPhase(new TickPhase() {
            @Override
            public int order() {
                return 0;
            }

            @Override
            public void tick(long tick) {
                reached.countDown();
            }
        });
        long start = System.nanoTime();
        assertTrue(reached.await(5, TimeUnit.SECONDS));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs >= 400, "10 ticks take about 500 ms, not " + elapsedMs);
        assertThrows(IllegalStateException.class, () -> loop.call(() -> loop.runTicks(1)), "stepping needs a pause");
    }

    @Test
    void workQueuedBetweenTicksCountsInTheNextTicksTimeAsPaperCountsItsTasks() throws Exception {
        start(false);
        var observed = new CopyOnWriteArrayList<Long>();
        loop.addObserver((tick, nanos) -> observed.add(nanos));
        loop.call(() -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(120);
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // a restart holding the game thread between two ticks
            }
            return null;
        });
        long after = loop.call(loop::currentTick);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (loop.currentTick() < after + 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        var stats = loop.statistics();
        assertTrue(stats.last5s().maxMs() >= 120, "server:mspt shows the held game thread: " + stats);
        assertTrue(stats.overruns() >= 1, "a tick over its 50 ms: " + stats);
        assertTrue(observed.stream().anyMatch(nanos -> nanos >= TimeUnit.MILLISECONDS.toNanos(120)),
                "the observers (metrics, the web console's chart) are told the same: " + observed);
    }

    @Test
    void workQueuedWhilePausedIsNotCountedInTheSteppedTicks() {
        start(true);
        loop.call(() -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(80);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return null;
        });
        loop.call(() -> loop.runTicks(2));

        var stats = loop.statistics();
        assertTrue(stats.last5s().maxMs() < 50, "a paused clock has no tick to delay: " + stats);
        assertEquals(0, stats.overruns());
    }

    @Test
    void aFailingPhaseOrWorkIsLoggedAndTheThreadGoesOn() throws Exception {
        start(true);
        loop.addPhase(new TickPhase() {
            @Override
            public int order() {
                return 0;
            }

            @Override
            public void tick(long tick) {
                throw new IllegalStateException("boom");
            }
        });
        loop.execute(() -> {
            throw new IllegalStateException("bad work");
        });
        assertEquals(2L, loop.call(() -> loop.runTicks(2)));
        var failed = loop.submit(() -> {
            throw new IllegalArgumentException("reported");
        });
        assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR tick 1")), log.lines().toString());
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("work queued for the game thread failed")));
    }

    @Test
    void workStillQueuedWhenTheLoopStopsIsRejected() throws Exception {
        start(true);
        var release = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var queued = loop.submit(() -> "never");
        Thread stopping = Thread.ofPlatform().start(loop::stop);
        Thread.sleep(100);
        release.countDown();
        stopping.join();

        var e = assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
    }

    @Test
    void aStoppedLoopRefusesWork() {
        start(true);
        loop.stop();
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> {}));
        assertTrue(loop.submit(() -> 1).isCompletedExceptionally());
    }
}

package dev.plinth.client.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.script.ScriptRunException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's loop: timers run on the client's thread at their time, and a step waiting on that thread for a
 * promise runs the timers that settle it (a hook that awaits a timer would otherwise wait for its own thread).
 */
class ClientLoopTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("client-thread").daemon().unstarted(runnable));
    private final ClientLoop loop = new ClientLoop(thread);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void aWaitOnTheClientsThreadRunsTheTimersThatSettleIt() throws Exception {
        String settled = thread.submit(() -> {
            var promise = new CompletableFuture<String>();
            loop.schedule(Duration.ofMillis(30), Duration.ZERO, () -> ran.add("first on "
                    + Thread.currentThread().getName()));
            loop.schedule(Duration.ofMillis(60), Duration.ZERO, () -> promise.complete("attached"));
            ran.add("waiting");
            String value = loop.await(promise, "hud", "onAttach", Duration.ofSeconds(30));
            ran.add("after the wait");
            return value;
        }).get(30, TimeUnit.SECONDS);

        assertEquals("attached", settled);
        assertEquals(List.of("waiting", "first on client-thread", "after the wait"), ran,
                "the timers ran within the wait, on the client's thread, before the step went on");
    }

    @Test
    void aRejectionIsTheHooksFailureAndATimeoutSaysWhatDidNotFinish() throws Exception {
        var rejection = new ScriptRunException("hud", "hud: client.js:4: Error: no HUD", false);
        var failed = thread.submit(() -> {
            var promise = new CompletableFuture<String>();
            loop.schedule(Duration.ofMillis(10), Duration.ZERO, () -> promise.completeExceptionally(rejection));
            return loop.await(promise, "hud", "onAttach", Duration.ofSeconds(30));
        });
        var thrown = assertThrows(ExecutionException.class, () -> failed.get(30, TimeUnit.SECONDS));
        assertEquals(rejection, thrown.getCause());

        var never = thread.submit(() -> loop.await(new CompletableFuture<String>(), "hud", "onBootstrap",
                Duration.ofMillis(100)));
        var timedOut = assertThrows(ExecutionException.class, () -> never.get(30, TimeUnit.SECONDS));
        assertEquals("hud: onBootstrap did not finish within 100 ms",
                assertInstanceOf(ScriptRunException.class, timedOut.getCause()).getMessage());
    }

    @Test
    void anIntervalRunsWithAFixedDelayUntilCancelled() throws Exception {
        var ticks = new CompletableFuture<Void>();
        Future<?> interval = loop.schedule(Duration.ZERO, Duration.ofMillis(10), () -> {
            ran.add("tick");
            if (ran.size() == 3) {
                ticks.complete(null);
            }
        });
        ticks.get(30, TimeUnit.SECONDS);
        assertTrue(interval.cancel(false));
        int seen = thread.submit(ran::size).get(); // a run under way when it was cancelled has ended
        Thread.sleep(50);
        assertEquals(seen, ran.size(), "a cancelled interval runs no more");
        assertTrue(interval.isCancelled() && interval.isDone());

        Future<?> once = loop.schedule(Duration.ofMillis(5), Duration.ZERO, () -> ran.add("once"));
        assertEquals(null, once.get(30, TimeUnit.SECONDS));
        assertTrue(ran.contains("once"));
    }

    @Test
    void aLoopWhoseClientEndedRefusesTimers() {
        thread.shutdownNow();
        assertThrows(RejectedExecutionException.class,
                () -> loop.schedule(Duration.ZERO, Duration.ZERO, () -> ran.add("never")));
    }
}

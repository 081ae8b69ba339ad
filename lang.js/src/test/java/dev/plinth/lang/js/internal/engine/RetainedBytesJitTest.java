package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a resource keeps, measured while one of its calls runs and between its calls. A walk taken during a call must
 * not count the host behind the call (the statement meter's interrupt reaches the script, the resource and the
 * server); it does count what the call holds for the moment, which is why a figure over the limit is taken again
 * between calls. Any thread measures, one that never entered a context too. Runs with the Graal JIT (the module's
 * {@code with-graal-jit} surefire execution): Truffle measures a context's heap only on its optimizing runtime.
 */
class RetainedBytesJitTest {

    static final long MIB = 1024 * 1024;
    /** A thread for each task: on two cores the common pool has one thread, which the spinning call would hold. */
    static final Executor OWN_THREAD = task -> Thread.ofPlatform().daemon().start(task);
    static TestRuntime runtime;

    @BeforeAll
    static void engine() {
        runtime = new TestRuntime();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    /**
     * A resource whose host holds {@code hostHeld} (its stop callback reaches it, as a resource reaches the server) and
     * whose call holds a temporary array of the given size while it spins until done.
     */
    static JsScript script(byte[] hostHeld) {
        return runtime.builder("busy", new TestModules().file("main.js", """
                let calls = 0;
                export function spin(started, done, temporaryMiB) {
                  calls++;
                  const temporary = new Float64Array(temporaryMiB * 131072);
                  started();
                  while (!done()) { }
                  return calls + temporary.length;
                }
                """)).withLimits(JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 4)
                .withStatementsPerTick(Long.MAX_VALUE / 4).withCallTimeout(Duration.ofSeconds(10))
                // Each done() check allocates a little: spinning for the 200 ms a walk waits goes past the default.
                .withMaxCallAllocMb(4096))
                .onFatal(failure -> {
                    if (hostHeld.length == 0) {
                        throw new IllegalStateException(failure);
                    }
                }).build();
    }

    /** Runs {@code spin} on another thread; returns once the call is running. */
    static CompletableFuture<Void> spin(JsScript script, AtomicBoolean done, int temporaryMiB)
            throws InterruptedException {
        Value spin = script.evalModule("main.js").getMember("spin");
        var started = new CountDownLatch(1);
        var call = CompletableFuture.runAsync(() -> script.call(Budget.CALL, spin,
                (ProxyExecutable) arguments -> {
                    started.countDown();
                    return null;
                },
                (ProxyExecutable) arguments -> done.get(), temporaryMiB), OWN_THREAD);
        assertTrue(started.await(10, TimeUnit.SECONDS), "the call started");
        return call;
    }

    /** Runs work on a platform thread of its own, made for it: one that never entered a polyglot context. */
    static <T> T onANewThread(Callable<T> work) throws Exception {
        var task = new FutureTask<>(work);
        Thread.ofPlatform().name("plinth-test-measurer").start(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aThreadThatNeverEnteredAContextMeasuresWhatAResourceKeeps() throws Exception {
        try (var script = runtime.builder("keeper", new TestModules().file("main.js", """
                export const kept = new Float64Array(8 * 131072);
                """)).build()) {
            script.evalModule("main.js");

            long measured = onANewThread(() -> script.retainedBytes(Long.MAX_VALUE, new AtomicBoolean()));
            OptionalLong betweenCalls = onANewThread(() -> script.retainedBytesBetweenCalls(Long.MAX_VALUE,
                    new AtomicBoolean(), Duration.ofSeconds(10).toNanos()));

            assertTrue(measured > 8 * MIB, "its 8 MiB, measured from a new thread: " + measured);
            assertTrue(betweenCalls.orElseThrow() > 8 * MIB, "between calls from a new thread: " + betweenCalls);
        }
    }

    @Test
    void aFigureTakenInACallDoesNotCountTheHostBehindTheCall() throws Exception {
        try (var script = script(new byte[(int) (32 * MIB)])) {
            var done = new AtomicBoolean();
            var call = spin(script, done, 0);
            long during;
            try {
                during = script.retainedBytes(Long.MAX_VALUE, new AtomicBoolean());
            } finally {
                done.set(true);
                call.get(10, TimeUnit.SECONDS);
            }
            assertTrue(during < 4 * MIB, "the host's 32 MiB are not the resource's: " + during);
        }
    }

    @Test
    void aCallsTemporariesCountDuringTheCallNotBetweenCalls() throws Exception {
        try (var script = script(new byte[16])) {
            var done = new AtomicBoolean();
            var call = spin(script, done, 24);

            long during = script.retainedBytes(Long.MAX_VALUE, new AtomicBoolean());
            // The call ends 200 ms from now; the walk between calls, on this thread, waits for it. The wait is timed from
            // before the end is scheduled: on a loaded machine this thread may lose the processor between the two.
            long waitStart = System.nanoTime();
            CompletableFuture.runAsync(() -> done.set(true),
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, OWN_THREAD));
            long idle = script.retainedBytesBetweenCalls(Long.MAX_VALUE, new AtomicBoolean(),
                    Duration.ofSeconds(10).toNanos()).orElseThrow();
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStart);
            call.get(10, TimeUnit.SECONDS);

            assertTrue(during > 24 * MIB, "the running call holds its 24 MiB: " + during);
            assertTrue(waitedMs >= 150, "the walk between calls waited for the call to end: " + waitedMs + " ms");
            assertTrue(idle < 4 * MIB, "between calls the resource keeps a counter: " + idle);
        }
    }

    @Test
    void aResourceThatStaysInItsCallIsNotMeasuredBetweenCalls() throws Exception {
        try (var script = script(new byte[16])) {
            var done = new AtomicBoolean();
            var call = spin(script, done, 0);
            try {
                assertTrue(script.retainedBytesBetweenCalls(Long.MAX_VALUE, new AtomicBoolean(),
                        Duration.ofMillis(100).toNanos()).isEmpty(), "it was in its call for all the 100 ms");
            } finally {
                done.set(true);
                call.get(10, TimeUnit.SECONDS);
            }
        }
    }
}

package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a resource keeps is measured between its calls. While a call runs, the context's meters hold the call's
 * interrupt, which reaches the script and through it the host that runs it (here a host holding 32 MiB; in the server
 * the resource, its bundle and the server behind them): a walk taken then counts all of that, a walk between calls only
 * what the resource keeps. Runs with the Graal JIT (the module's {@code with-graal-jit} surefire execution): Truffle
 * measures a context's heap only on its optimizing runtime.
 */
class RetainedBytesJitTest {

    static final long MIB = 1024 * 1024;
    static TestRuntime runtime;

    @BeforeAll
    static void engine() {
        runtime = new TestRuntime();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    /** A resource whose host holds {@code hostHeld} (its stop callback reaches it) and whose call spins until done. */
    static JsScript script(byte[] hostHeld) {
        return runtime.builder("busy", new TestModules().file("main.js", """
                let calls = 0;
                export function spin(started, done) {
                  calls++;
                  started();
                  while (!done()) { }
                  return calls;
                }
                """)).withLimits(JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 4)
                .withStatementsPerTick(Long.MAX_VALUE / 4).withCallTimeout(Duration.ofSeconds(10)))
                .onFatal(failure -> {
                    if (hostHeld.length == 0) {
                        throw new IllegalStateException(failure);
                    }
                }).build();
    }

    /** Runs {@code spin} on another thread; returns once the call is running. */
    static CompletableFuture<Void> spin(JsScript script, AtomicBoolean done) throws InterruptedException {
        Value spin = script.evalModule("main.js").getMember("spin");
        var started = new CountDownLatch(1);
        var call = CompletableFuture.runAsync(() -> script.call(Budget.CALL, spin,
                (ProxyExecutable) arguments -> {
                    started.countDown();
                    return null;
                },
                (ProxyExecutable) arguments -> done.get()));
        assertTrue(started.await(10, TimeUnit.SECONDS), "the call started");
        return call;
    }

    @Test
    void aFigureTakenInACallCountsWhatTheCallReachesOneTakenBetweenCallsDoesNot() throws Exception {
        try (var script = script(new byte[(int) (32 * MIB)])) {
            var done = new AtomicBoolean();
            var call = spin(script, done);

            long during = script.retainedBytes(Long.MAX_VALUE, new AtomicBoolean());
            CompletableFuture<OptionalLong> between = CompletableFuture.supplyAsync(() -> script
                    .retainedBytesBetweenCalls(Long.MAX_VALUE, new AtomicBoolean(), Duration.ofSeconds(10).toNanos()));
            Thread.sleep(100);
            assertFalse(between.isDone(), "the walk between calls waits for the call to end");
            done.set(true);
            call.get(10, TimeUnit.SECONDS);
            long idle = between.get(10, TimeUnit.SECONDS).orElseThrow();

            assertTrue(during > 32 * MIB, "during the call the walk reaches the host's 32 MiB: " + during);
            assertTrue(idle < 4 * MIB, "between calls the resource keeps a counter: " + idle);
        }
    }

    @Test
    void aResourceThatStaysInItsCallIsNotMeasuredBetweenCalls() throws Exception {
        try (var script = script(new byte[16])) {
            var done = new AtomicBoolean();
            var call = spin(script, done);
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

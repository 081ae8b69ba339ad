package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The shared engine starts on its first use, once, and says so; a server without JavaScript never starts it. */
class SharedEngineTest {

    @Test
    void shouldNotStartTheEngineUntilItIsUsed() {
        var heard = new ArrayList<String>();
        try (var engine = SharedEngine.create((started, millis) -> heard.add(started.mode()))) {
            engine.version(); // read from GraalJS's jar: the host's start line needs no engine

            assertFalse(engine.isStarted(), "no context, parse or meter asked for yet");
            assertEquals(List.of(), heard);
        }
        assertEquals(List.of(), heard, "closing an engine that never started starts none");
    }

    @Test
    void shouldRunARegularExpressionAsItStartsSoThatNoResourceCallPaysForTheFirstOne() {
        var log = new ByteArrayOutputStream();
        try (var engine = SharedEngine.diagnosing(Map.of("engine.TraceSourceCache", "true"), log)) {
            engine.engine();
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        assertTrue(trace.lines().anyMatch(line -> line.contains("source-cache-miss")
                && line.contains("plinth-warm-up.js")), "the start ran the warm-up (a regular expression):\n" + trace);
    }

    @Test
    void shouldStartOnceOnFirstUseAndTellTheListener() {
        var heard = new ArrayList<String>();
        var durations = new ArrayList<Long>();
        try (var engine = SharedEngine.create((started, millis) -> {
            heard.add(started.mode());
            durations.add(millis);
        })) {
            var first = engine.engine();
            var meter = engine.statementMeter();

            assertTrue(engine.isStarted());
            assertSame(first, engine.engine(), "one engine for every use");
            assertSame(meter, engine.statementMeter());
            assertEquals(1, heard.size(), "the listener hears of the start once: " + heard);
            assertEquals(engine.mode(), heard.getFirst());
            assertTrue(durations.getFirst() >= 0);
        }
    }

    @Test
    void shouldMakeAnotherThreadWaitUntilTheStartHasBeenToldToTheListener() throws Exception {
        // js:info on the console thread while a preparation starts the engine: it must not answer before the start's
        // log lines (the listener) are written, or they come after the command that caused them, or not at all.
        var listening = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var engine = SharedEngine.create((started, millis) -> {
            listening.countDown();
            awaitUninterruptibly(release);
        })) {
            var starter = Thread.ofPlatform().start(engine::engine);
            Thread asking;
            try {
                listening.await();
                asking = Thread.ofPlatform().start(engine::mode);
                while (asking.getState() != Thread.State.BLOCKED && asking.isAlive()) {
                    Thread.onSpinWait();
                }

                assertEquals(Thread.State.BLOCKED, asking.getState(), "waits for the start instead of answering first");
            } finally {
                release.countDown();
                starter.join();
            }
            asking.join();
            assertTrue(engine.isStarted());
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldRefuseUseAfterClose() {
        var engine = SharedEngine.create();
        engine.close();

        var refused = assertThrows(IllegalStateException.class, engine::engine);
        assertEquals("the JavaScript engine is closed", refused.getMessage());
        assertFalse(engine.isStarted());
    }
}

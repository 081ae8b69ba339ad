package dev.plinth.lang.js.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The meter counts a context's statements against the budget of a call, and running out keeps the context. */
class StatementMeterTest {

    static Engine engine;
    static StatementMeter meter;

    @BeforeAll
    static void engine() {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        meter = StatementMeter.of(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static StatementCounter counterOf(Context context) {
        context.enter();
        try {
            return meter.counter();
        } finally {
            context.leave();
        }
    }

    @Test
    void countsTheStatementsOfACall() {
        try (var context = Context.newBuilder("js").engine(engine).build()) {
            Value loop = context.eval("js", "(n) => { let x = 0; for (let i = 0; i < n; i++) { x += i; } return x; }");
            StatementCounter counter = counterOf(context);
            counter.arm(1_000_000, () -> { });
            loop.execute(10);
            long ten = counter.disarm();
            counter.arm(1_000_000, () -> { });
            loop.execute(1000);
            long thousand = counter.disarm();
            assertTrue(ten > 10 && thousand > 1000, ten + " " + thousand);
            assertEquals(0, (thousand - ten) % 990, "the same statements per iteration: " + ten + ", " + thousand);
            assertFalse(counter.exhausted());
        }
    }

    @Test
    void workChargedFromElsewhereRunsTheBudgetOutButIsNotAmongTheStatements() {
        try (var context = Context.newBuilder("js").engine(engine).build()) {
            Value one = context.eval("js", "() => 1");
            StatementCounter counter = counterOf(context);
            var told = new AtomicInteger();
            counter.arm(100, told::incrementAndGet);
            one.execute();
            long own = counter.ran();
            counter.charge(60);
            assertEquals(own, counter.ran(), "charged work is not the call's own statements");
            assertEquals(0, told.get());
            counter.charge(-5);
            counter.charge(60);
            assertTrue(counter.exhausted(), "the budget of 100 is spent by the call and 120 charged");
            assertEquals(1, told.get());
            assertEquals(own, counter.disarm());
            counter.charge(1_000);
            assertFalse(counter.armed());
        }
    }

    @Test
    void eachContextHasItsOwnCounter() {
        try (var first = Context.newBuilder("js").engine(engine).build();
                var second = Context.newBuilder("js").engine(engine).build()) {
            StatementCounter one = counterOf(first);
            StatementCounter two = counterOf(second);
            assertFalse(one == two);
            one.arm(1_000, () -> { });
            two.arm(1_000, () -> { });
            first.eval("js", "for (let i = 0; i < 100; i++) {}");
            assertTrue(one.ran() >= 100, String.valueOf(one.ran()));
            assertEquals(0, two.disarm());
            one.disarm();
        }
    }

    @Test
    void runningOutTellsTheHostOnceAndAnInterruptKeepsTheContext() throws Exception {
        try (var context = Context.newBuilder("js").engine(engine).build()) {
            context.eval("js", "var kept = 0;");
            Value spin = context.eval("js", "() => { kept++; try { for (;;) {} } catch (e) { for (;;) {} } "
                    + "finally { for (;;) {} } }");
            StatementCounter counter = counterOf(context);
            var told = new AtomicInteger();
            var interrupted = new CompletableFuture<Void>();
            counter.arm(10_000, () -> {
                told.incrementAndGet();
                Thread.ofPlatform().start(() -> {
                    try {
                        context.interrupt(Duration.ofSeconds(30));
                        interrupted.complete(null);
                    } catch (Exception e) {
                        interrupted.completeExceptionally(e);
                    }
                });
            });
            var e = assertThrows(PolyglotException.class, spin::execute);
            long ran = counter.disarm();
            interrupted.get(30, TimeUnit.SECONDS);
            assertTrue(e.isInterrupted(), e.toString());
            assertFalse(e.isCancelled());
            assertEquals(1, told.get());
            assertTrue(ran > 10_000, String.valueOf(ran));
            assertEquals(1, context.eval("js", "kept").asInt(), "the context kept its state");
            assertEquals(2, context.eval("js", "++kept").asInt(), "and runs on");
        }
    }

    @Test
    void aNegativeBudgetOrArmingTwiceIsRefused() {
        try (var context = Context.newBuilder("js").engine(engine).build()) {
            StatementCounter counter = counterOf(context);
            assertThrows(IllegalArgumentException.class, () -> counter.arm(-1, () -> { }));
            counter.arm(1, () -> { });
            assertThrows(IllegalStateException.class, () -> counter.arm(1, () -> { }));
            counter.disarm();
        }
    }
}

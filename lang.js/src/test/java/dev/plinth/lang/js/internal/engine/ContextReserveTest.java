package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reserve of blank contexts: a start takes a context made before, on another thread, which serves its resource's
 * modules only once it is given them, and never another resource's.
 */
class ContextReserveTest {

    static SharedEngine engine;

    @BeforeAll
    static void start() {
        engine = SharedEngine.create();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** An executor that runs what it is given when the test says so, on the test's thread. */
    static final class Later implements Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }
    }

    private static Source module(String name, String code) throws java.io.IOException {
        return JsScript.moduleSource(name, code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aTakeMakesTheNextContextOnTheFillerAndTheNextTakeGetsIt() {
        var filler = new Later();
        try (var reserve = ContextReserve.of(engine, filler, 1)) {
            Context first = reserve.take().assign(new TestModules());
            assertEquals(0, reserve.ready(), "nothing is made before the first take");
            assertEquals(1, filler.tasks.size(), "the first take asks the filler for the next context");
            filler.runAll();
            assertEquals(1, reserve.ready());
            Context second = reserve.take().assign(new TestModules());
            assertEquals(0, reserve.ready(), "the second take got the context the filler made");
            assertNotSame(first, second);
            assertEquals(1, filler.tasks.size(), "one context is kept ready: one more is asked for");
            filler.runAll();
            filler.runAll();
            assertEquals(1, reserve.ready(), "never more than the reserve's size");
            first.close();
            second.close();
        }
    }

    @Test
    void aTakeThatIsExpectedFindsAContextMadeOnTheFiller() {
        var filler = new Later();
        try (var reserve = ContextReserve.of(engine, filler, 1)) {
            reserve.expect();
            reserve.expect();
            assertEquals(1, filler.tasks.size(), "one context is asked for, however often a take is expected");
            filler.runAll();
            assertEquals(1, reserve.ready());
            reserve.take().assign(new TestModules()).close();
            assertEquals(0, reserve.ready(), "the take got the context made ahead");
        }
    }

    @Test
    void noContextIsMadeAheadWithoutAReserve() {
        try (var reserve = ContextReserve.none(engine)) {
            reserve.expect();
            assertEquals(0, reserve.ready());
        }
    }

    @Test
    void aReservedContextHasTheSandboxAndNoHostGlobals() {
        var filler = new Later();
        try (var reserve = ContextReserve.of(engine, filler, 1)) {
            reserve.take().assign(new TestModules()).close();
            filler.runAll();
            try (Context context = reserve.take().assign(new TestModules())) {
                for (String global : List.of("Java", "Packages", "java", "javax", "com", "org", "net", "load", "print")) {
                    assertEquals("undefined", context.eval("js", "typeof " + global).asString(), global);
                }
            }
        }
    }

    @Test
    void beforeItIsAssignedAContextsFileSystemServesNothing() {
        var roots = new AssignedRoots();
        assertTrue(assertDoesNotThrow(() -> roots.own().read("main.js")).isEmpty());
        assertTrue(roots.builtin("@minecraft/server").isEmpty());
        assertThrows(ImportRefusedException.class, () -> roots.mod("other"));
        roots.assign(new TestModules().file("main.js", "export {};"));
        assertTrue(assertDoesNotThrow(() -> roots.own().read("main.js")).isPresent());
    }

    @Test
    void aReservedContextServesItsResourcesModulesAndOnlyThose() throws Exception {
        var filler = new Later();
        try (var reserve = ContextReserve.of(engine, filler, 1)) {
            reserve.take().assign(new TestModules()).close();
            filler.runAll();
            ContextReserve.Blank blank = reserve.take();
            var mine = new TestModules().file("lib.js", "export const who = 'mine';");
            try (Context context = blank.assign(mine)) {
                assertEquals("mine", context.eval(module("main.js", "import { who } from './lib.js'; export const r = who;"))
                        .getMember("r").asString());
                var elsewhere = assertThrows(PolyglotException.class, () -> context.eval(module("other.js",
                        "import { who } from './theirs.js';")));
                assertTrue(elsewhere.getMessage().contains("theirs.js"), elsewhere.getMessage());
                assertThrows(IllegalStateException.class, () -> blank.assign(new TestModules()),
                        "a context is given to one resource only");
            }
        }
    }

    @Test
    void closingTheReserveClosesWhatIsReadyAndRefusesTakes() {
        var filler = new Later();
        var reserve = ContextReserve.of(engine, filler, 1);
        reserve.take().assign(new TestModules()).close();
        filler.runAll();
        assertEquals(1, reserve.ready());
        reserve.close();
        assertEquals(0, reserve.ready());
        var refused = assertThrows(IllegalStateException.class, reserve::take);
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
    }

    @Test
    void aContextMadeAfterTheReserveClosedIsClosedNotKept() {
        var filler = new Later();
        var reserve = ContextReserve.of(engine, filler, 1);
        reserve.take().assign(new TestModules()).close();
        reserve.close();
        filler.runAll();
        assertEquals(0, reserve.ready());
    }

    @Test
    void withoutAReserveEveryTakeMakesItsOwn() {
        try (var reserve = ContextReserve.none(engine)) {
            var contexts = new ArrayList<Context>();
            for (int i = 0; i < 3; i++) {
                contexts.add(reserve.take().assign(new TestModules()));
                assertEquals(0, reserve.ready());
            }
            assertNotSame(contexts.get(0), contexts.get(1));
            contexts.forEach(Context::close);
        }
    }

    @Test
    void aFillerThatRefusesLeavesTakesWorking() {
        Executor refusing = task -> {
            throw new java.util.concurrent.RejectedExecutionException("stopping");
        };
        try (var reserve = ContextReserve.of(engine, refusing, 1)) {
            try (Context context = reserve.take().assign(new TestModules())) {
                assertEquals(2, context.eval("js", "1 + 1").asInt());
            }
            try (Context context = reserve.take().assign(new TestModules())) {
                assertEquals(3, context.eval("js", "1 + 2").asInt());
                assertEquals(0, reserve.ready());
            }
        }
    }
}

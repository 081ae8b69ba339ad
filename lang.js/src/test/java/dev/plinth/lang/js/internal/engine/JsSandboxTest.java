package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.js.internal.binding.PlainValues;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attacks on a JavaScript resource's sandbox and limits, each one a test: leaving the sandbox must fail with an
 * error naming what was refused, and breaking a limit must abort the call (and, when it is the statement budget, an
 * allocation overrun or the last allowed offence, stop the resource) while the host keeps working.
 */
class JsSandboxTest {

    static TestRuntime runtime;
    static final dev.plinth.core.sandbox.values.ValueBounds BOUNDS = dev.plinth.core.sandbox.values.ValueBounds.DEFAULTS;

    @BeforeAll
    static void engine() {
        runtime = new TestRuntime();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    static JsScript script(String main, JsLimits limits) {
        return script(new TestModules().file("main.js", main), limits, () -> 0);
    }

    static JsScript script(TestModules modules, JsLimits limits, java.util.function.LongSupplier ticks) {
        return JsScript.builder("attacker", runtime.runtime, modules, runtime.account("attacker", limits.statementsPerTick()))
                .withLimits(limits).withTicks(ticks).build();
    }

    /** Limits out of the way of the attack (a loaded machine may take long for the first call of a kind). */
    static JsLimits roomy() {
        return JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 4).withStatementsPerTick(Long.MAX_VALUE / 4)
                .withCallTimeout(Duration.ofSeconds(10));
    }

    /** Room for statements, a short wall-clock bound: for the attacks the watchdog must stop. */
    static JsLimits tight() {
        return roomy().withCallTimeout(Duration.ofMillis(300));
    }

    static String callString(JsScript script, Value ns, String export) {
        return script.call(Budget.CALL, c -> ns.getMember(export).execute().asString());
    }

    @Nested
    class Escapes {

        @Test
        void javaTypeIsNotDefined() {
            try (var s = script("export const f = () => Java.type('java.lang.Runtime');", roomy())) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(JsRuntimeException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
                assertTrue(e.getMessage().contains("ReferenceError: Java is not defined"), e.getMessage());
            }
        }

        @Test
        void hostPackagesAreNotReachableThroughGlobals() {
            try (var s = script("export const f = () => [typeof Packages, typeof java, typeof javax, typeof com, "
                    + "typeof org].join();", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("undefined,undefined,undefined,undefined,undefined", callString(s, ns, "f"));
            }
        }

        @Test
        void polyglotEvalAndImportAreNotDefined() {
            try (var s = script("export const f = () => typeof Polyglot;", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("undefined", callString(s, ns, "f"));
            }
        }

        @Test
        void loadAndLoadWithNewGlobalAreNotDefined() {
            try (var s = script("export const f = () => [typeof load, typeof loadWithNewGlobal, typeof quit, "
                    + "typeof readline, typeof print].join();", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("undefined,undefined,undefined,undefined,undefined", callString(s, ns, "f"));
            }
        }

        @Test
        void graalAndDebugGlobalsAreNotDefined() {
            try (var s = script("export const f = () => [typeof Graal, typeof Debug].join();", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("undefined,undefined", callString(s, ns, "f"));
            }
        }

        @Test
        void functionConstructorCannotReachHostClassesEither() {
            try (var s = script("export const f = () => { try { return String(globalThis.constructor.constructor("
                    + "'return typeof Java')()); } catch (e) { return 'threw ' + e; } };", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("undefined", callString(s, ns, "f"));
            }
        }

        @Test
        void evalCannotReachHostClasses() {
            try (var s = script("export const f = () => { try { eval('Java.type(\"java.io.File\")'); return 'open'; }"
                    + " catch (e) { return e.name; } };", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("ReferenceError", callString(s, ns, "f"));
            }
        }

        @Test
        void staticImportLeavingTheResourceIsRefused() {
            try (var s = script("import x from '../../../etc/passwd';", roomy())) {
                var e = assertThrows(JsException.class, () -> s.evalModule("main.js"));
                assertTrue(e.getMessage().contains("leaves the resource"), e.getMessage());
            }
        }

        @Test
        void absoluteImportIsRefused() {
            try (var s = script("import x from '/etc/passwd';", roomy())) {
                var e = assertThrows(JsException.class, () -> s.evalModule("main.js"));
                assertTrue(e.getMessage().contains("leaves the resource"), e.getMessage());
            }
        }

        @Test
        void fileUrlImportIsRefused() {
            try (var s = script("import x from 'file:///etc/passwd';", roomy())) {
                var e = assertThrows(JsException.class, () -> s.evalModule("main.js"));
                assertTrue(e.getMessage().contains("leaves the resource") || e.getMessage().contains("not allowed"),
                        e.getMessage());
            }
        }

        @Test
        void dynamicImportLeavingTheResourceIsRefused() {
            var modules = new TestModules().file("main.js", """
                    export let result = 'pending';
                    export function probe() {
                      import('../../conf/server.json').then(() => { result = 'loaded'; }, (e) => { result = String(e); });
                    }
                    export const read = () => result;
                    """);
            try (var s = script(modules, roomy(), () -> 0)) {
                var ns = s.evalModule("main.js");
                s.call(Budget.CALL, ns.getMember("probe"));
                String result = callString(s, ns, "read");
                assertTrue(result.contains("leaves the resource"), result);
            }
        }

        @Test
        void modImportOfAnUndeclaredResourceIsRefused() {
            var modules = new TestModules().file("main.js", "import x from '@other';");
            try (var s = script(modules, roomy(), () -> 0)) {
                var e = assertThrows(JsException.class, () -> s.evalModule("main.js"));
                assertTrue(e.getMessage().contains("'@other' refused: not a declared dependency"), e.getMessage());
            }
        }

        @Test
        void workersAndThreadsDoNotExist() {
            try (var s = script("export const f = () => [typeof Worker, typeof SharedArrayBuffer === 'function' "
                    + "? 'sab' : 'none'].join();", roomy())) {
                var ns = s.evalModule("main.js");
                assertTrue(callString(s, ns, "f").startsWith("undefined,"), callString(s, ns, "f"));
            }
        }
    }

    @Nested
    class Limits {

        @Test
        void spinningLoopBreaksTheCallBudgetAndTheContextKeepsItsState() {
            var fatal = new AtomicInteger();
            try (var s = runtime.builder("attacker", new TestModules().file("main.js",
                    "export let calls = 0; export function spin() { calls++; for (;;) {} }"))
                    .withLimits(JsLimits.defaults().withStatementsPerCall(100_000).withCallTimeout(Duration.ofSeconds(30)))
                    .onFatal(e -> fatal.incrementAndGet())
                    .build()) {
                var ns = s.evalModule("main.js");
                for (int offence = 1; offence < 3; offence++) {
                    var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("spin")));
                    assertEquals(JsLimit.CALL_STATEMENTS, e.limit());
                    assertFalse(e.fatal(), e.getMessage());
                    assertTrue(e.getMessage().contains("statement budget per call: the call ran more than 100000 "
                            + "statements and was interrupted (offence " + offence + " of 3)"), e.getMessage());
                    assertFalse(s.isClosed());
                    int kept = offence;
                    assertEquals(Integer.valueOf(kept), s.call(Budget.CALL, c -> ns.getMember("calls").asInt()),
                            "the context and its state survive the aborted call");
                }
                var third = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("spin")));
                assertTrue(third.fatal());
                assertEquals(1, fatal.get());
                assertTrue(s.isClosed());
                var after = assertThrows(JsRuntimeException.class, () -> s.call(Budget.CALL, c -> c.eval("js", "1")));
                assertTrue(after.getMessage().contains("the resource is stopped"), after.getMessage());
            }
        }

        @Test
        void whatAnotherResourceRunsForACallCountsAgainstTheCallersBudget() {
            try (var callee = runtime.builder("callee", new TestModules().file("main.js", "export let calls = 0; "
                    + "export function work() { calls++; let x = 0; for (let i = 0; i < 1000; i++) { x += i; } "
                    + "return x; }")).withLimits(roomy()).build();
                    var caller = runtime.builder("caller", new TestModules().file("main.js",
                            "export function loop(work) { for (let i = 0; i < 100; i++) { work(); } return 'done'; }"))
                            .withLimits(roomy().withStatementsPerCall(20_000)).build()) {
                var work = callee.evalModule("main.js");
                var loop = caller.evalModule("main.js");
                // What an imported export does: the caller pays, through its asPayer.
                ProxyExecutable callWork = args -> {
                    caller.asPayer(() -> callee.call(Budget.CALL, work.getMember("work")));
                    return null;
                };
                var e = assertThrows(JsLimitException.class,
                        () -> caller.call(Budget.CALL, loop.getMember("loop"), callWork));
                assertEquals(JsLimit.CALL_STATEMENTS, e.limit());
                int calls = callee.call(Budget.CALL, c -> work.getMember("calls").asInt());
                assertTrue(calls < 100, "the caller's 20000 statements cover only a few of the callee's calls, not "
                        + calls);
                assertFalse(callee.isClosed());
                assertFalse(caller.isClosed());
            }
        }

        @Test
        void whatAnotherResourceRunsForACallIsChargedToTheCallersAccountNotItsOwn() {
            try (var callee = runtime.builder("paid-callee", new TestModules().file("main.js", "export function work() "
                    + "{ let x = 0; for (let i = 0; i < 1000; i++) { x += i; } return x; }")).withLimits(roomy()).build();
                    var caller = runtime.builder("paying-caller", new TestModules().file("main.js",
                            "export function twice(work) { work(); work(); return 'done'; }"))
                            .withLimits(roomy()).build()) {
                var work = callee.evalModule("main.js");
                var twice = caller.evalModule("main.js");
                ProxyExecutable callWork = args -> {
                    caller.asPayer(() -> callee.call(Budget.CALL, work.getMember("work")));
                    return null;
                };
                var calleeBefore = callee.account().snapshot();
                var callerBefore = caller.account().snapshot();

                assertEquals("done", caller.call(Budget.CALL, twice.getMember("twice"), callWork).asString());

                var calleeAfter = callee.account().snapshot();
                var callerAfter = caller.account().snapshot();
                assertEquals(calleeBefore.calls(), calleeAfter.calls(), "the callee's own account pays for no call");
                assertEquals(calleeBefore.work(), calleeAfter.work(), "nor for the statements it ran for the caller");
                assertEquals(callerBefore.calls() + 3, callerAfter.calls(), "the caller pays for its call and the two "
                        + "calls it caused, as Lua and WebAssembly callers do (core.sandbox's CallBracket)");
                assertTrue(callerAfter.work() - callerBefore.work() > 2 * 1000, "the callee's two loops of 1000 are on "
                        + "the caller's account: " + (callerAfter.work() - callerBefore.work()) + " statements");
            }
        }

        @Test
        void catchingTheInterruptDoesNotKeepTheCallRunning() {
            try (var s = script("export let after = 0; export function spin() { "
                    + "try { for (;;) {} } catch (e) { after++; for (;;) {} } finally { after++; for (;;) {} } }\n"
                    + "export const ok = () => 'ok';",
                    roomy().withStatementsPerCall(50_000))) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("spin")));
                assertEquals(JsLimit.CALL_STATEMENTS, e.limit());
                assertEquals("ok", callString(s, ns, "ok"));
            }
        }

        @Test
        void anExhaustedTickSkipsFurtherCallsUntilTheNextTick() {
            var tick = new AtomicLong(1);
            try (var s = script(new TestModules().file("main.js", "export let runs = 0; export function work() { runs++; "
                    + "let x = 0; for (let i = 0; i < 100000; i++) { x += i; } return x; }"),
                    roomy().withStatementsPerCall(1_000_000).withStatementsPerTick(1_000_000), tick::get)) {
                var ns = s.evalModule("main.js");
                JsLimitException broken = null;
                for (int i = 0; i < 20 && broken == null; i++) {
                    try {
                        s.call(Budget.CALL, ns.getMember("work"));
                    } catch (JsLimitException e) {
                        broken = e;
                    }
                }
                assertTrue(broken != null, "the calls of one tick ran out of its budget");
                assertEquals(JsLimit.TICK_STATEMENTS, broken.limit());
                // Read while no call runs: a call in this tick is refused now.
                int runs = ns.getMember("runs").asInt();
                var skipped = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("work")));
                assertTrue(skipped.getMessage().contains("the tick's statement budget is spent; the call did not run"),
                        skipped.getMessage());
                assertEquals(runs, ns.getMember("runs").asInt(), "the skipped call did not run");
                assertEquals(1, skipped.offences(), "offences of one tick count once");
                tick.incrementAndGet();
                s.call(Budget.CALL, ns.getMember("work"));
                assertEquals(runs + 1, ns.getMember("runs").asInt(), "the next tick has its budget again");
            }
        }

        @Test
        void manySmallCallsInOneTickShareTheBudget() {
            var tick = new AtomicLong(1);
            try (var s = script(new TestModules().file("main.js",
                    "export function work() { let x = 0; for (let i = 0; i < 3000; i++) { x += i; } return x; }"),
                    JsLimits.defaults().withStatementsPerTick(20_000), tick::get)) {
                var ns = s.evalModule("main.js");
                for (int i = 0; i < 20; i++) {
                    tick.incrementAndGet();
                    s.call(Budget.CALL, ns.getMember("work"));
                }
                var e = assertThrows(JsLimitException.class, () -> {
                    for (int i = 0; i < 20; i++) {
                        s.call(Budget.CALL, ns.getMember("work"));
                    }
                });
                assertEquals(JsLimit.TICK_STATEMENTS, e.limit());
            }
        }

        @Test
        void longRegularExpressionIsInterruptedByTheWatchdog() {
            try (var s = script("export const f = () => /^(a+)+\\1$/.test('a'.repeat(30) + 'b');", tight())) {
                var ns = s.evalModule("main.js");
                long start = System.nanoTime();
                var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
                assertEquals(JsLimit.TIME, e.limit());
                assertFalse(e.fatal());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
            }
        }

        @Test
        void hugeSortIsInterruptedByTheWatchdog() {
            try (var s = script("const a = []; for (let i = 0; i < 5e4; i++) a.push(String(Math.random()));"
                    + "export const f = () => { for (;;) { a.slice().sort(); } };", tight()
                    .withMaxCallAllocMb(100_000))) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
                assertEquals(JsLimit.TIME, e.limit());
            }
        }

        @Test
        void catchingTheInterruptDoesNotKeepTheCallAlive() {
            try (var s = script("export const f = () => { try { for (;;) {} } catch (e) { for (;;) {} } "
                    + "finally { for (;;) {} } };", tight())) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
                assertEquals(JsLimit.TIME, e.limit());
            }
        }

        @Test
        void spinningInAPromiseJobIsBoundedByTheCallThatQueuedIt() {
            try (var s = script("export const f = () => { Promise.resolve().then(() => { for (;;) {} }); };",
                    tight())) {
                var ns = s.evalModule("main.js");
                assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
            }
        }

        @Test
        void aFloodOfPromiseJobsIsStoppedNamingTheLineWhereItRuns() {
            // Each job queues the next: the watchdog's interrupt lands between two jobs, in the engine's own code,
            // where no frame of the resource is on the stack.
            try (var s = script("""
                    export function f() {
                      const flood = () => Promise.resolve().then(flood);
                      flood();
                    }
                    export function g() {
                      let n = 0;
                      const flood = () => { n++; queueJob(flood); };
                      const queueJob = (job) => Promise.resolve().then(job);
                      flood();
                    }
                    """, tight().withMaxCallAllocMb(100_000))) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
                assertEquals(JsLimit.TIME, e.limit());
                assertTrue(e.getMessage().startsWith("attacker: main.js:2: time limit: "), e.getMessage());
                var g = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("g")));
                assertTrue(g.getMessage().matches("attacker: main.js:[78]: time limit: .*"), g.getMessage());
            }
        }

        @Test
        void theThirdInterruptedCallStopsTheResource() {
            var fatal = new AtomicInteger();
            try (var s = runtime.builder("attacker", new TestModules().file("main.js",
                    "export const f = () => { for (;;) {} };")).withLimits(tight()).onFatal(e -> fatal.incrementAndGet())
                    .build()) {
                var ns = s.evalModule("main.js");
                // The third offence stops it at the latest (earlier when a call does not stop when interrupted: on a
                // loaded machine the watchdog's second notice may come first).
                for (int i = 1; i <= 3 && fatal.get() == 0; i++) {
                    var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, c -> ns.getMember("f")
                            .execute()));
                    assertEquals(i, e.offences());
                    assertTrue(e.fatal() || i < 3, "the third offence is fatal");
                }
                assertEquals(1, fatal.get());
                assertTrue(s.isClosed());
            }
        }

        @Test
        void bigAllocationInOneCallBreaksTheMemoryLimit() {
            try (var s = script("export const f = () => { const keep = []; for (;;) keep.push(new Array(1e6).fill(1)); };",
                    roomy().withCallTimeout(Duration.ofSeconds(20)).withMaxCallAllocMb(32))) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(JsLimitException.class, () -> s.call(Budget.CALL, ns.getMember("f")));
                assertEquals(JsLimit.MEMORY, e.limit());
                assertTrue(e.fatal());
            }
        }

        @Test
        void deepRecursionIsARangeErrorTheResourceSurvives() {
            try (var s = script("const r = (n) => r(n + 1) + 1; export const f = () => { try { r(0); } catch (e) "
                    + "{ return e.name; } }; export const ok = () => 'ok';", roomy())) {
                var ns = s.evalModule("main.js");
                assertEquals("RangeError", callString(s, ns, "f"));
                assertEquals("ok", callString(s, ns, "ok"));
            }
        }

        @Test
        void theStartHasItsOwnBudgetAndTimeBound() {
            try (var s = script("for (;;) {}", JsLimits.defaults().withStatementsPerTick(1_000_000))) {
                var e = assertThrows(JsLimitException.class, () -> s.evalModule("main.js"));
                assertEquals(JsLimit.CALL_STATEMENTS, e.limit());
            }
        }
    }

    /**
     * Two resources whose exports call each other without end (as {@code mc.import} calls: the caller's host function
     * checks the stack's room, then calls into the other resource with the caller paying) fill the thread's stack:
     * the call fails with a stack overflow that names where it stopped, wherever on the stack the recursion started,
     * and both resources answer other threads' calls afterwards.
     */
    @Nested
    class CrossResourceRecursion {

        /** The game thread's stack: a platform thread's default. */
        static final long STACK_BYTES = 1 << 20;

        static JsScript resource(String name) {
            JsLimits limits = JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 4)
                    .withStatementsPerTick(Long.MAX_VALUE / 4).withCallTimeout(Duration.ofSeconds(10))
                    .withMaxCallAllocMb(1 << 20);
            return JsScript.builder(name, runtime.runtime, new TestModules().file("main.js", """
                    export function f(n) { return other(n + 1); }
                    export function guarded(n) { try { return f(n); } catch (e) { return 'caught: ' + e.message; } }
                    export function ok() { return 'ok'; }
                    """), runtime.account(name, Long.MAX_VALUE / 4)).withLimits(limits).build();
        }

        /** Gives {@code from} the function {@code other}, which calls {@code to}'s {@code f} as an import does. */
        static void link(JsScript from, JsScript to, Value toNamespace) {
            Value f = toNamespace.getMember("f");
            from.globals().putMember("other", (ProxyExecutable) args -> {
                JsScript.checkStackRoom(to.resource() + ".f");
                int n = args[0].asInt();
                try {
                    return from.asPayer(() -> to.call(Budget.CALL, f, n).toString());
                } catch (JsException e) {
                    throw new IllegalStateException(to.resource() + ".f failed: " + e.getMessage(), e);
                }
            });
        }

        static Object below(int frames, Supplier<Object> work) {
            return frames == 0 ? work.get() : below(frames - 1, work);
        }

        @Test
        void mutualRecursionStopsWithALocatedOverflowAndLeavesBothResourcesAnswering() throws Exception {
            try (JsScript a = resource("a"); JsScript b = resource("b")) {
                Value namespaceA = a.evalModule("main.js");
                Value namespaceB = b.evalModule("main.js");
                link(a, b, namespaceB);
                link(b, a, namespaceA);
                // Where the stack runs out depends on where the recursion started: a few frames more or less each time.
                for (int frames = 0; frames < 40; frames += 3) {
                    int padding = frames;
                    Object[] outcome = new Object[1];
                    Thread game = new Thread(null, () -> {
                        try {
                            outcome[0] = below(padding, () ->
                                    a.call(Budget.CALL, c -> namespaceA.getMember("guarded").execute(1).asString()));
                        } catch (RuntimeException | Error e) {
                            outcome[0] = e;
                        }
                    }, "game", STACK_BYTES);
                    game.start();
                    game.join();
                    assertTrue(String.valueOf(outcome[0]).matches("caught: b\\.f failed: b: main\\.js:1: stack overflow: "
                            + "the calls through [ab]\\.f nest too deep"), padding + " frames below: " + outcome[0]);
                    for (JsScript script : new JsScript[] {a, b}) {
                        Value namespace = script == a ? namespaceA : namespaceB;
                        var other = CompletableFuture.supplyAsync(
                                () -> script.call(Budget.CALL, c -> namespace.getMember("ok").execute().asString()));
                        assertEquals("ok", other.get(5, TimeUnit.SECONDS), script.resource() + " answers another thread");
                    }
                }
            }
        }
    }

    @Nested
    class HostBoundary {

        @Test
        void hostErrorsAreErrorsTheScriptCanCatch() {
            try (var s = script("export const f = (boom) => { try { boom(); return 'no'; } catch (e) { "
                    + "return (e instanceof Error) + ' ' + e.message; } };", roomy())) {
                var ns = s.evalModule("main.js");
                ProxyExecutable boom = args -> {
                    throw new IllegalArgumentException("player.give_item: argument 2 must be a whole number");
                };
                assertEquals("true player.give_item: argument 2 must be a whole number",
                        s.call(Budget.CALL, c -> ns.getMember("f").execute(boom).asString()));
            }
        }

        @Test
        void deeplyNestedValuesAreRefusedAtTheBoundary() {
            try (var s = script("export const f = () => { let v = {}; for (let i = 0; i < 1000; i++) v = { v }; "
                    + "return v; };", roomy())) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(RuntimeException.class, () -> s.call(Budget.CALL, c ->
                        PlainValues.toJava(ns.getMember("f").execute(), BOUNDS.budget("attacker", "the payload", units -> { }), "the payload")));
                assertTrue(e.getMessage().contains("deep"), e.getMessage());
            }
        }

        @Test
        void sharedReferenceBombIsRefusedFast() {
            try (var s = script("export const f = () => { let v = [1]; for (let i = 0; i < 40; i++) v = [v, v]; "
                    + "return v; };", roomy())) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(RuntimeException.class, () -> s.call(Budget.CALL, c ->
                        PlainValues.toJava(ns.getMember("f").execute(), BOUNDS.budget("attacker", "the payload", units -> { }), "the payload")));
                assertTrue(e.getMessage().contains("values") || e.getMessage().contains("deep"), e.getMessage());
            }
        }

        @Test
        void functionsCannotCrossToTheHost() {
            try (var s = script("export const f = () => ({ run: () => 1 });", roomy())) {
                var ns = s.evalModule("main.js");
                var e = assertThrows(IllegalArgumentException.class, () -> s.call(Budget.CALL, c ->
                        PlainValues.toJava(ns.getMember("f").execute(), BOUNDS.budget("attacker", "the payload", units -> { }), "the payload")));
                assertTrue(e.getMessage().contains("JSON-like"), e.getMessage());
            }
        }
    }
}

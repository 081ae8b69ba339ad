package dev.plinth.lang.js.internal.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.settings.SettingsService;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.script.HostFunction;
import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptImport;
import dev.plinth.core.sandbox.script.ScriptImports;
import dev.plinth.core.sandbox.script.ScriptResults;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.core.sandbox.script.ScriptTimers;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** JavaScript run for a host that is not the resource lifecycle (a client's scripts): its API only, the sandbox. */
class JsScriptEngineTest {

    private static final WatchdogService WATCHDOG = new WatchdogService(message -> { });
    private static final AccountBook ACCOUNTS = new AccountBook();
    private static JsScriptEngine defaults;

    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final List<String> fatal = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheWatchdog() {
        WATCHDOG.start();
        defaults = engine(Optional.empty());
    }

    @AfterAll
    static void stopTheWatchdog() {
        defaults.close();
        WATCHDOG.stop();
    }

    private static JsScriptEngine engine(Optional<Path> serverJson) {
        var logger = (Logger) Proxy.newProxyInstance(JsScriptEngineTest.class.getClassLoader(),
                new Class<?>[] {Logger.class}, (proxy, method, args) -> null);
        var loggers = (LoggerFactory) Proxy.newProxyInstance(JsScriptEngineTest.class.getClassLoader(),
                new Class<?>[] {LoggerFactory.class}, (proxy, method, args) -> logger);
        return new JsScriptEngine(new SettingsService(serverJson, message -> { }), WATCHDOG, ACCOUNTS, loggers);
    }

    private ScriptSetup setup(String name, Map<String, String> files) {
        return ScriptSetup.of(name, path -> Optional.ofNullable(files.get(path))
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)), ScriptLog.to(printed::add))
                .withAccount("alice/" + name)
                .onFatal(fatal::add);
    }

    @Test
    void itRunsModulesOnly() {
        assertTrue(defaults.runs("client/main.js"));
        assertTrue(defaults.runs("lib.MJS"));
        assertFalse(defaults.runs("client/main.lua"));
        assertEquals("js", defaults.language());
    }

    @Test
    void aScriptCallsTheHostAndTheHostCallsItBack() {
        var handlers = new ArrayList<ScriptFunction>();
        HostFunction addHandler = args -> {
            handlers.add((ScriptFunction) args.get(1));
            return null;
        };
        HostFunction markReady = args -> ScriptResults.of(true, null);
        try (ScriptRuntime runtime = defaults.open(setup("hud", Map.of("client.js", """
                import { twice } from './lib/math.js';
                const [ok, err] = Resource.MarkReady("hud");
                console.log("ready", ok, err, Resource.MAX);
                AddEventHandler("hud:ping", (event) => {
                  console.log(`got ${event.payload.n}`);
                  return twice(event.payload.n);
                });
                """, "lib/math.js", "export const twice = (n) => n * 2;"))
                .withGlobal("AddEventHandler", addHandler)
                .withGlobal("Resource", Map.of("MarkReady", markReady, "MAX", 64)))) {

            runtime.run("client.js");
            Object doubled = handlers.getFirst().call(List.of(Map.of("payload", Map.of("n", 21))));

            assertEquals(List.of("ready true null 64", "got 21"), printed);
            assertEquals(42L, doubled);
        }
    }

    @Test
    void aModulesExportsAreItsHooks() {
        try (ScriptRuntime runtime = defaults.open(setup("mod", Map.of("client.js", """
                export const name = "HUD";
                export function onAttach() { console.log("HUD attached"); return 1; }
                """)))) {
            @SuppressWarnings("unchecked")
            var exports = (Map<String, Object>) runtime.run("client.js");

            assertEquals("HUD", exports.get("name"));
            Object result = assertInstanceOf(ScriptFunction.class, exports.get("onAttach")).call(List.of());
            assertEquals(1L, result);
            assertEquals(List.of("HUD attached"), printed);
        }
    }

    @Test
    void theSandboxIsTheResourcesOne() {
        try (ScriptRuntime runtime = defaults.open(setup("probe", Map.of("c.js", """
                export const closed = {
                  java: typeof Java === 'undefined', polyglot: typeof Polyglot === 'undefined',
                  load: typeof load === 'undefined', graal: typeof Graal === 'undefined',
                  print: typeof print === 'undefined', packages: typeof Packages === 'undefined',
                };
                """)))) {
            @SuppressWarnings("unchecked")
            var exports = (Map<String, Object>) runtime.run("c.js");

            assertEquals(Map.of("closed", Map.of("java", true, "polyglot", true, "load", true, "graal", true,
                    "print", true, "packages", true)), exports);
        }
    }

    @Test
    void anImportOutsideItsFilesIsRefusedWithTheImport() {
        try (ScriptRuntime runtime = defaults.open(setup("greedy", Map.of("c.js", "import '@other';\n",
                "d.js", "import '../../etc/passwd';\n")))) {
            var other = assertThrows(ScriptRunException.class, () -> runtime.run("c.js"));
            var outside = assertThrows(ScriptRunException.class, () -> runtime.run("d.js"));

            assertTrue(other.getMessage().contains("@other"), other.getMessage());
            assertTrue(outside.getMessage().contains("d.js"), outside.getMessage());
            assertTrue(outside.getMessage().contains("leaves the resource"), outside.getMessage());
        }
    }

    @Test
    void aRunawayScriptBreaksItsBudgetWithItsFileAndLine() {
        try (ScriptRuntime runtime = defaults.open(setup("spin", Map.of("c.js", """
                export function spin() {
                  while (true) {}
                }
                """)))) {
            @SuppressWarnings("unchecked")
            var exports = (Map<String, Object>) runtime.run("c.js");
            var spin = (ScriptFunction) exports.get("spin");

            var failure = assertThrows(ScriptRunException.class, () -> spin.call(List.of()));

            assertTrue(failure.getMessage().startsWith("spin: c.js:2"), failure.getMessage());
            assertTrue(failure.getMessage().contains("statement"), failure.getMessage());
        }
    }

    @Test
    void repeatedOffencesCloseTheRuntimeAndTellTheHost() {
        try (ScriptRuntime runtime = defaults.open(setup("hog", Map.of("c.js",
                "globalThis.spin = () => { while (true) {} };")))) {
            runtime.run("c.js");
            ScriptFunction spin = runtime.function("spin").orElseThrow();
            for (int i = 0; i < 3; i++) {
                assertThrows(ScriptRunException.class, () -> spin.call(List.of()));
            }

            assertTrue(runtime.isClosed());
            assertEquals(1, fatal.size(), fatal.toString());
            var refused = assertThrows(ScriptRunException.class, () -> spin.call(List.of()));
            assertTrue(refused.fatal());
        }
    }

    @Test
    void theLimitsAreThoseOfTheConfiguration(@TempDir Path home) throws Exception {
        Path serverJson = home.resolve("server.json");
        Files.writeString(serverJson, "{\"js\": {\"statements_per_call\": 1000}}");
        JsScriptEngine small = engine(Optional.of(serverJson));
        try (ScriptRuntime runtime = small.open(setup("small", Map.of("c.js",
                "globalThis.count = () => { let n = 0; for (let i = 0; i < 100000; i++) { n += i; } return n; };")))) {
            runtime.run("c.js");

            var failure = assertThrows(ScriptRunException.class,
                    () -> runtime.function("count").orElseThrow().call(List.of()));
            assertTrue(failure.getMessage().contains("1000"), failure.getMessage());
        } finally {
            small.close();
        }
    }

    @Test
    void whatAHostFunctionThrowsIsAnErrorTheScriptCatches() {
        HostFunction refuse = args -> {
            throw new IllegalArgumentException("ERR_NOT_FOUND: no such resource");
        };
        try (ScriptRuntime runtime = defaults.open(setup("catcher", Map.of("c.js", """
                let caught = 'nothing';
                try { Refuse('x'); } catch (e) { caught = e.message; }
                export { caught };
                """)).withGlobal("Refuse", refuse))) {
            assertEquals(Map.of("caught", "ERR_NOT_FOUND: no such resource"), runtime.run("c.js"));
        }
    }

    @Test
    void aValueTooDeepForTheHostIsRefused() {
        var received = new ArrayList<Object>();
        HostFunction keep = args -> {
            received.add(args.getFirst());
            return null;
        };
        try (ScriptRuntime runtime = defaults.open(setup("deep", Map.of("c.js", """
                const t = {};
                let cur = t;
                for (let i = 0; i < 100; i++) { cur.next = {}; cur = cur.next; }
                Keep(t);
                """)).withGlobal("Keep", keep))) {
            var failure = assertThrows(ScriptRunException.class, () -> runtime.run("c.js"));

            assertTrue(failure.getMessage().contains("deep"), failure.getMessage());
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void withoutALoopTimersAreRefusedWithAReason() {
        try (ScriptRuntime runtime = defaults.open(setup("timer", Map.of("c.js", "setTimeout(() => {}, 10);\n")))) {
            var failure = assertThrows(ScriptRunException.class, () -> runtime.run("c.js"));

            assertTrue(failure.getMessage().contains("setTimeout"), failure.getMessage());
            assertTrue(failure.getMessage().contains("c.js:1"), failure.getMessage());
        }
    }

    @Test
    void aMissingFileOrASyntaxErrorFailsWithItsName() {
        try (ScriptRuntime runtime = defaults.open(setup("broken", Map.of("bad.js", "let x = ;\n")))) {
            var missing = assertThrows(ScriptRunException.class, () -> runtime.run("client/main.js"));
            var syntax = assertThrows(ScriptRunException.class, () -> runtime.run("bad.js"));

            assertTrue(missing.getMessage().contains("client/main.js"), missing.getMessage());
            assertFalse(missing.fatal());
            assertTrue(syntax.getMessage().startsWith("broken: bad.js:1"), syntax.getMessage());
        }
    }

    @Test
    void closingEndsTheRuntime() {
        ScriptRuntime runtime = defaults.open(setup("short", Map.of("c.js", "globalThis.f = () => 1;")));
        runtime.run("c.js");
        ScriptFunction f = runtime.function("f").orElseThrow();

        runtime.close();

        assertTrue(runtime.isClosed());
        assertThrows(ScriptRunException.class, () -> f.call(List.of()));
        assertTrue(runtime.function("f").isEmpty());
        assertThrows(ScriptRunException.class, () -> runtime.run("c.js"));
    }
    /** Waits until the printed lines hold a line, or fails after a long while (not a timing assertion). */
    private void awaitPrinted(String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!printed.contains(line)) {
            assertTrue(System.nanoTime() < deadline, "never printed '" + line + "': " + printed);
            Thread.sleep(10);
        }
    }

    private static ScriptTimers on(ScheduledExecutorService loop) {
        return (delay, period, task) -> period.isZero() ? loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS)
                : loop.scheduleWithFixedDelay(task, delay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Test
    void timersRunOnTheHostsLoopAndStopWhenCleared() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("client-loop").daemon().unstarted(runnable));
        HostFunction where = args -> Thread.currentThread().getName();
        try (ScriptRuntime runtime = defaults.open(setup("ticker", Map.of("c.js", """
                let ticks = 0;
                const dropped = setTimeout(() => console.log("dropped ran"), 0);
                clearTimeout(dropped);
                const id = setInterval((what) => {
                  ticks++;
                  console.log(`${what} ${ticks} on ${Where()}`);
                  if (ticks === 3) {
                    clearInterval(id);
                    setTimeout(() => console.log(`done after ${ticks}`), 60);
                  }
                }, 50, "tick");
                """)).withGlobal("Where", where).withTimers(on(loop)))) {
            runtime.run("c.js");

            awaitPrinted("done after 3");
            loop.submit(() -> null).get(); // whatever was due ran
            assertEquals(List.of("tick 1 on client-loop", "tick 2 on client-loop", "tick 3 on client-loop",
                    "done after 3"), printed);
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void anAsyncHookAwaitsTimersOnTheLoopAndItsRejectionIsLogged() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try (ScriptRuntime runtime = defaults.open(setup("boot", Map.of("c.js", """
                const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                export async function onBootstrap() {
                  await wait(50);
                  console.log("bootstrapped after waiting");
                  await wait(0);
                  throw new Error("late failure");
                }
                """)).withTimers(on(loop)))) {
            @SuppressWarnings("unchecked")
            var exports = (Map<String, Object>) runtime.run("c.js");

            Object returned = loop.submit(() -> ((ScriptFunction) exports.get("onBootstrap")).call(List.of())).get();

            assertEquals(null, returned, "a promise is not a value for the host");
            awaitPrinted("bootstrapped after waiting");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (printed.stream().noneMatch(l -> l.contains("late failure"))) {
                assertTrue(System.nanoTime() < deadline, printed.toString());
                Thread.sleep(10);
            }
            String failure = printed.stream().filter(l -> l.contains("late failure")).findFirst().orElseThrow();
            assertTrue(failure.contains("c.js:6"), failure);
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void aHostFollowsAnAsyncHookToItsEndOrItsRejection() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try (ScriptRuntime runtime = defaults.open(setup("mod", Map.of("c.js", """
                const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                export async function onAttach() {
                  console.log("attaching");
                  await wait(1000);
                  console.log("attached");
                  return "ready";
                }
                export async function onBootstrap() {
                  await wait(0);
                  throw new Error("bootstrap failed");
                }
                export function plain() { return 7; }
                """)).withTimers(on(loop)))) {
            @SuppressWarnings("unchecked")
            var exports = (Map<String, Object>) runtime.run("c.js");

            var attach = loop.submit(() -> ((ScriptFunction) exports.get("onAttach")).callSettled(List.of())).get()
                    .toCompletableFuture();
            assertFalse(attach.isDone(), "the promise waits for its timer");
            assertEquals("ready", attach.get(30, TimeUnit.SECONDS), "the stage ends with the promise, its value");
            assertEquals(List.of("attaching", "attached"), printed);

            var bootstrap = loop.submit(() -> ((ScriptFunction) exports.get("onBootstrap")).callSettled(List.of()))
                    .get().toCompletableFuture();
            var failure = assertThrows(ExecutionException.class, () -> bootstrap.get(30, TimeUnit.SECONDS));
            var rejected = assertInstanceOf(ScriptRunException.class, failure.getCause());
            assertTrue(rejected.getMessage().startsWith("mod: ") && rejected.getMessage().contains("c.js:10")
                    && rejected.getMessage().contains("bootstrap failed"), rejected.getMessage());
            assertTrue(printed.stream().noneMatch(l -> l.contains("bootstrap failed")),
                    "the host has the rejection: it is not logged as a lost promise's");

            assertEquals(7L, ((ScriptFunction) exports.get("plain")).callSettled(List.of()).toCompletableFuture()
                    .getNow(null), "a plain value completes the stage at once");
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void timersAreBoundedAndClosingCancelsThem(@TempDir Path home) throws Exception {
        Path serverJson = home.resolve("server.json");
        Files.writeString(serverJson, "{\"sandbox\": {\"max_tasks\": 3}}");
        JsScriptEngine small = engine(Optional.of(serverJson));
        var scheduled = new ArrayList<Future<?>>();
        ScriptTimers held = (delay, period, task) -> {
            var future = new FutureTask<Void>(task, null);
            scheduled.add(future);
            return future;
        };
        try (ScriptRuntime runtime = small.open(setup("many", Map.of("c.js", """
                let refused = "none";
                try {
                  for (let i = 0; i < 10; i++) setTimeout(() => {}, 1000);
                } catch (e) { refused = e.message; }
                export { refused };
                """)).withTimers(held))) {
            @SuppressWarnings("unchecked")
            var exports = (Map<String, Object>) runtime.run("c.js");

            assertEquals("setTimeout: many has 3 timers, its limit (sandbox.max_tasks)", exports.get("refused"));
            assertEquals(3, scheduled.size());
            runtime.close();
            assertTrue(scheduled.stream().allMatch(Future::isCancelled), "closing cancels the pending timers");
        } finally {
            small.close();
        }
    }

    @Test
    void anIdImportLoadsTheOtherScriptsModulesBesideItsEntry() {
        Map<String, String> helper = Map.of("lib/index.js", """
                import { twice } from './math';
                export const quadruple = (n) => twice(twice(n));
                """, "lib/math.js", "export const twice = (n) => n * 2;");
        ScriptImports imports = id -> id.equals("helper")
                ? new ScriptImport.Found(path -> Optional.ofNullable(helper.get(path))
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)), "lib/index.js")
                : new ScriptImport.Refused("import '@" + id + "' refused: not a requirement");
        try (ScriptRuntime runtime = defaults.open(setup("hud", Map.of("c.js", """
                import { quadruple } from "@helper";
                import { twice } from "@helper/math";
                export const sixteen = quadruple(4), six = twice(3);
                """, "d.js", "import '@stranger';\n")).withImports(imports))) {
            assertEquals(Map.of("sixteen", 16L, "six", 6L), runtime.run("c.js"));
            var refused = assertThrows(ScriptRunException.class, () -> runtime.run("d.js"));
            assertTrue(refused.getMessage().contains("import '@stranger' refused: not a requirement"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("d.js"), refused.getMessage());
        }
    }
}

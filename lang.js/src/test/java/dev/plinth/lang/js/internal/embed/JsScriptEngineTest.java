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
import dev.plinth.core.sandbox.script.ScriptResults;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void timersAreRefusedWithAReason() {
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
}

package dev.plinth.lang.lua.internal.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.internal.settings.SettingsService;
import dev.plinth.core.sandbox.script.HostFunction;
import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptResults;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Lua run for a host that is not the resource lifecycle: its API only, the resources' sandbox and limits. */
class LuaScriptEngineTest {

    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final List<String> fatal = new CopyOnWriteArrayList<>();

    private LuaScriptEngine engine(Optional<Path> serverJson) {
        var logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> null);
        var loggers = (LoggerFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LoggerFactory.class}, (proxy, method, args) -> logger);
        return new LuaScriptEngine(new SettingsService(serverJson, message -> { }), TestScripts.WATCHDOG,
                TestScripts.ACCOUNTS, loggers);
    }

    private ScriptSetup setup(String name, Map<String, String> files) {
        return ScriptSetup.of(name, path -> Optional.ofNullable(files.get(path))
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)), ScriptLog.to(printed::add))
                .withAccount("alice/" + name)
                .onFatal(fatal::add);
    }

    @Test
    void aScriptCallsTheHostAndTheHostCallsItBack() {
        var handlers = new ArrayList<ScriptFunction>();
        HostFunction addHandler = args -> {
            handlers.add((ScriptFunction) args.get(1));
            return null;
        };
        HostFunction markReady = args -> ScriptResults.of(true, null);
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("hud", Map.of("client.lua", """
                local ok, err = Resource.MarkReady("hud")
                print("ready", ok, err)
                AddEventHandler("hud:ping", function(event) print("got " .. event.payload.n) return event.payload.n * 2 end)
                """)).withGlobal("AddEventHandler", addHandler)
                .withGlobal("Resource", Map.of("MarkReady", markReady, "MAX", 64)))) {

            runtime.run("client.lua");
            Object doubled = handlers.getFirst().call(List.of(Map.of("payload", Map.of("n", 21))));

            assertEquals(List.of("ready\ttrue\tnil", "got 21"), printed);
            assertEquals(42L, doubled);
        }
    }

    @Test
    void theSandboxIsTheResourcesOne() {
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("probe", Map.of("c.lua", """
                return { io = io == nil, load = load == nil, debug = debug == nil, luajava = luajava == nil,
                         os = os.execute == nil, dump = string.dump == nil }
                """)))) {
            @SuppressWarnings("unchecked")
            var closed = (Map<String, Object>) runtime.run("c.lua");

            assertEquals(Map.of("io", true, "load", true, "debug", true, "luajava", true, "os", true, "dump", true),
                    closed);
        }
    }

    @Test
    void aRunawayScriptBreaksItsBudgetWithItsFileAndLine() {
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("spin", Map.of("c.lua", """
                function spin()
                  while true do end
                end
                """)))) {
            runtime.run("c.lua");
            ScriptFunction spin = runtime.function("spin").orElseThrow();

            var failure = assertThrows(ScriptRunException.class, () -> spin.call(List.of()));

            assertTrue(failure.getMessage().startsWith("spin: c.lua:2:"), failure.getMessage());
            assertTrue(failure.getMessage().contains("instruction"), failure.getMessage());
        }
    }

    @Test
    void repeatedOffencesCloseTheRuntimeAndTellTheHost() {
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("hog", Map.of("c.lua",
                "function spin() while true do end end")))) {
            runtime.run("c.lua");
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
        Files.writeString(serverJson, "{\"lua\": {\"instructions_per_call\": 1000}}");
        try (ScriptRuntime runtime = engine(Optional.of(serverJson)).open(setup("small", Map.of("c.lua",
                "function count() local n = 0 for i = 1, 100000 do n = n + i end return n end")))) {
            runtime.run("c.lua");

            assertThrows(ScriptRunException.class, () -> runtime.function("count").orElseThrow().call(List.of()));
        }
    }

    @Test
    void whatAHostFunctionThrowsIsAnErrorTheScriptCatches() {
        HostFunction refuse = args -> {
            throw new IllegalArgumentException("ERR_NOT_FOUND: no such resource");
        };
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("catcher", Map.of("c.lua", """
                local ok, err = pcall(Refuse, "x")
                return err
                """)).withGlobal("Refuse", refuse))) {
            assertEquals("ERR_NOT_FOUND: no such resource", runtime.run("c.lua"));
        }
    }

    @Test
    void aValueTooDeepForTheHostIsRefused() {
        var received = new ArrayList<Object>();
        HostFunction keep = args -> {
            received.add(args.getFirst());
            return null;
        };
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("deep", Map.of("c.lua", """
                local t = {}
                local cur = t
                for i = 1, 100 do cur.next = {} cur = cur.next end
                Keep(t)
                """)).withGlobal("Keep", keep))) {
            var failure = assertThrows(ScriptRunException.class, () -> runtime.run("c.lua"));

            assertTrue(failure.getMessage().contains("deep"), failure.getMessage());
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void aMissingFileFailsWithItsName() {
        try (ScriptRuntime runtime = engine(Optional.empty()).open(setup("none", Map.of()))) {
            var failure = assertThrows(ScriptRunException.class, () -> runtime.run("client/main.lua"));

            assertTrue(failure.getMessage().contains("client/main.lua"), failure.getMessage());
            assertFalse(failure.fatal());
        }
    }

    @Test
    void closingEndsTheRuntime() {
        ScriptRuntime runtime = engine(Optional.empty()).open(setup("short", Map.of("c.lua", "function f() end")));
        runtime.run("c.lua");
        ScriptFunction f = runtime.function("f").orElseThrow();

        runtime.close();

        assertTrue(runtime.isClosed());
        assertThrows(ScriptRunException.class, () -> f.call(List.of()));
        assertNull(runtime.function("nothing").orElse(null));
        assertInstanceOf(ScriptRunException.class, assertThrows(RuntimeException.class, () -> runtime.run("c.lua")));
    }
}

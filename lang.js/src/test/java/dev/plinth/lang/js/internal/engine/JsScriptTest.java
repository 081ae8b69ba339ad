package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsScriptTest {

    static TestRuntime runtime;

    @BeforeAll
    static void engine() {
        runtime = new TestRuntime();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    JsScript script(TestModules modules) {
        return runtime.builder("demo", modules).build();
    }

    @Test
    void entryModuleImportsItsOwnFilesWithoutExtension() {
        var modules = new TestModules()
                .file("server/index.js", "import { a } from './lib'; import b from './util/index.js'; export const r = a + b;")
                .file("server/lib.js", "export const a = 40;")
                .file("server/util/index.js", "export default 2;");
        try (JsScript script = script(modules)) {
            var ns = script.evalModule("server/index.js");
            assertEquals(Integer.valueOf(42), script.call(Budget.CALL, c -> ns.getMember("r").asInt()));
        }
    }

    @Test
    void importLeavingTheResourceIsRefused() {
        var modules = new TestModules().file("main.js", "import x from '../../etc/passwd';");
        try (JsScript script = script(modules)) {
            var e = assertThrows(JsException.class, () -> script.evalModule("main.js"));
            assertTrue(e.getMessage().contains("etc/passwd"), e.getMessage());
        }
    }

    @Test
    void aMissingImportNamesTheFileAndLineOfItsImportStatement() {
        var modules = new TestModules()
                .file("main.js", "const a = 1;\n\nimport { x } from './nope.js';\nexport const y = x;\n");
        try (JsScript script = script(modules)) {
            var e = assertThrows(JsException.class, () -> script.evalModule("main.js"));
            assertTrue(e.getMessage().startsWith("demo: main.js:3: "), e.getMessage());
            assertTrue(e.getMessage().contains("'nope.js' imported from main.js: no such file in the resource"),
                    e.getMessage());
        }
    }

    @Test
    void aMissingOrRefusedImportOfAnImportedModuleNamesThatModulesLine() {
        var modules = new TestModules().file("main.js", "import { q } from './server/lib';\n")
                .file("server/lib.js", "export const q = 1;\n\nexport * from './util/gone';\n")
                .file("other.js", "// the resource's files only\nimport {\n  a,\n} from \"../../conf/x.json\";\n")
                .file("bare.js", "\n\nimport fs from 'fs';\n");
        try (JsScript script = script(modules)) {
            var missing = assertThrows(JsException.class, () -> script.evalModule("main.js"));
            assertTrue(missing.getMessage().startsWith("demo: server/lib.js:3: "), missing.getMessage());
            var leaving = assertThrows(JsException.class, () -> script.evalModule("other.js"));
            assertTrue(leaving.getMessage().startsWith("demo: other.js:2: ")
                    && leaving.getMessage().contains("import 'conf/x.json' leaves the resource"), leaving.getMessage());
            var bare = assertThrows(JsException.class, () -> script.evalModule("bare.js"));
            assertTrue(bare.getMessage().startsWith("demo: bare.js:3: ")
                    && bare.getMessage().contains("import 'fs' is not allowed"), bare.getMessage());
        }
    }

    @Test
    void barePackageImportIsRefused() {
        var modules = new TestModules().file("main.js", "import fs from 'fs';");
        try (JsScript script = script(modules)) {
            var e = assertThrows(JsException.class, () -> script.evalModule("main.js"));
            assertTrue(e.getMessage().contains("'fs'"), e.getMessage());
        }
    }

    @Test
    void modImportLoadsBesideTheModsEntry() {
        var modules = new TestModules().file("main.js",
                "import { wait } from '@js-helper'; import { two } from '@js-helper/sub'; export const r = wait() + two;");
        modules.mods.put("js-helper", new ModuleRoots.ModRoot.Modules(path -> Optional.ofNullable(switch (path) {
            case "server/index.js" -> "import { one } from './other.js'; export function wait() { return one; }";
            case "server/other.js" -> "export const one = 1;";
            case "server/sub.js" -> "export const two = 2;";
            default -> null;
        }).map(s -> s.getBytes(StandardCharsets.UTF_8)), "server/index.js"));
        try (JsScript script = script(modules)) {
            var ns = script.evalModule("main.js");
            assertEquals(Integer.valueOf(3), script.call(Budget.CALL, c -> ns.getMember("r").asInt()));
        }
    }

    @Test
    void builtInModulesAreImportedByTheirSpecifier() {
        var modules = new TestModules().file("scripts/main.js",
                "import { world } from '@minecraft/server'; export const r = world.name;");
        modules.builtins.put("@minecraft/server", "export const world = { name: 'overworld' };");
        try (JsScript script = script(modules)) {
            var ns = script.evalModule("scripts/main.js");
            assertEquals("overworld", script.call(Budget.CALL, c -> ns.getMember("r").asString()));
        }
    }

    @Test
    void modOfAnotherLanguageIsAGeneratedModule() {
        var modules = new TestModules().file("main.js", "import { add } from '@lua-math'; export const r = add;");
        modules.mods.put("lua-math", new ModuleRoots.ModRoot.Generated("export const add = 'the add export';"));
        try (JsScript script = script(modules)) {
            var ns = script.evalModule("main.js");
            assertEquals("the add export", script.call(Budget.CALL, c -> ns.getMember("r").asString()));
        }
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        var modules = new TestModules().file("main.js", "const a = 1;\nconst = ;\n");
        try (JsScript script = script(modules)) {
            var e = assertThrows(JsLoadException.class, () -> script.evalModule("main.js"));
            assertEquals("main.js", e.failure().file());
            assertEquals(2, e.failure().line());
        }
    }

    @Test
    void runtimeErrorNamesFileAndLine() {
        var modules = new TestModules().file("main.js", "export function f() {\n  return undefined.x;\n}");
        try (JsScript script = script(modules)) {
            var ns = script.evalModule("main.js");
            var e = assertThrows(JsRuntimeException.class, () -> script.call(Budget.CALL, ns.getMember("f")));
            assertEquals("main.js:2", e.failure().location());
        }
    }

    @Test
    void spinningCallIsInterruptedAndTheResourceKeepsWorking() {
        var modules = new TestModules().file("main.js", "export function spin() { while (true) {} } export const ok = () => 7;");
        try (JsScript script = runtime.builder("demo", modules)
                .withLimits(JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 2).withStatementsPerTick(Long.MAX_VALUE / 2)
                        // One bound later a call still running is cancelled: leave a loaded machine room to interrupt.
                        .withCallTimeout(Duration.ofMillis(500))).build()) {
            var ns = script.evalModule("main.js");
            var e = assertThrows(JsLimitException.class, () -> script.call(Budget.CALL, ns.getMember("spin")));
            assertEquals(JsLimit.TIME, e.limit());
            assertEquals(Integer.valueOf(7), script.call(Budget.CALL, c -> ns.getMember("ok").execute().asInt()));
        }
    }

    @Test
    void hostAccessIsClosed() {
        var modules = new TestModules().file("main.js", """
                export const probes = [
                  typeof Java, typeof Packages, typeof java, typeof Polyglot, typeof Graal, typeof Debug,
                  typeof load, typeof loadWithNewGlobal, typeof print, typeof quit, typeof readline
                ].join(',');
                """);
        try (JsScript script = script(modules)) {
            var ns = script.evalModule("main.js");
            assertEquals("undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,"
                    + "undefined,undefined", script.call(Budget.CALL, c -> ns.getMember("probes").asString()));
        }
    }

    @Test
    void aCallForItsEffectRunsAndFailsLikeAnyCall() {
        var modules = new TestModules().file("main.js", """
                export let seen = 0;
                export function handle(n) { seen += n; return { big: 'result nobody reads' }; }
                export function fail() {
                  throw new Error('boom');
                }
                export function spin() { while (true) {} }
                """);
        try (JsScript script = runtime.builder("demo", modules)
                .withLimits(JsLimits.defaults().withStatementsPerCall(1_000).withStatementsPerTick(Long.MAX_VALUE / 2))
                .build()) {
            var ns = script.evalModule("main.js");
            script.run(Budget.CALL, ns.getMember("handle"), 5);
            script.run(Budget.CALL, ns.getMember("handle"), 2);
            assertEquals(Integer.valueOf(7), script.call(Budget.CALL, c -> ns.getMember("seen").asInt()));
            var thrown = assertThrows(JsRuntimeException.class, () -> script.run(Budget.CALL, ns.getMember("fail")));
            assertEquals("main.js:4", thrown.failure().location());
            assertTrue(thrown.getMessage().contains("boom"), thrown.getMessage());
            var spun = assertThrows(JsLimitException.class, () -> script.run(Budget.CALL, ns.getMember("spin")));
            assertEquals(JsLimit.CALL_STATEMENTS, spun.limit());
            script.run(Budget.CALL, ns.getMember("handle"), 1);
            assertEquals(Integer.valueOf(8), script.call(Budget.CALL, c -> ns.getMember("seen").asInt()));
        }
    }

    @Test
    void aCallFromAnotherThreadWaitsForTheRunningOneAndThenRuns() throws Exception {
        var modules = new TestModules().file("main.js", """
                export let log = '';
                export function slow(ms) { const end = Date.now() + ms; while (Date.now() < end) {} log += 'slow;'; }
                export function quick() { log += 'quick;'; }
                """);
        // The first call spins for a while: its budgets must not be what ends it on a loaded machine.
        try (JsScript script = runtime.builder("demo", modules)
                .withLimits(JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 4)
                        .withStatementsPerTick(Long.MAX_VALUE / 4).withCallTimeout(Duration.ofSeconds(30)))
                .build()) {
            var ns = script.evalModule("main.js");
            // Read before the other thread runs: a value of the context is touched only by the thread in a call.
            Value slow = script.call(Budget.CALL, c -> ns.getMember("slow"));
            Value quick = script.call(Budget.CALL, c -> ns.getMember("quick"));
            var started = new java.util.concurrent.CountDownLatch(1);
            var otherFailure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            Thread other = Thread.ofPlatform().name("other-caller").start(() -> {
                try {
                    script.call(Budget.CALL, c -> {
                        started.countDown();
                        return slow.execute(100);
                    });
                } catch (RuntimeException e) {
                    otherFailure.set(e);
                }
            });
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
            script.run(Budget.CALL, quick);
            other.join(Duration.ofSeconds(30));
            assertEquals(null, otherFailure.get(), "the first call ran to its end");
            assertEquals("slow;quick;", script.call(Budget.CALL, c -> ns.getMember("log").asString()),
                    "the second call ran after the first, not beside it");
        }
    }
}

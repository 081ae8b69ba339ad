package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A module parsed before a start (a hot reload's preparation, off the game thread) is not parsed again by the start:
 * the engine's parse cache, which logs its misses and hits here ({@code engine.TraceSourceCacheDetails}), finds it,
 * even after a collection (the cache holds a parse only while its source is referenced).
 */
class ParseReuseTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private TestRuntime runtime;

    @BeforeEach
    void engine() {
        runtime = new TestRuntime(SharedEngine.diagnosing(Map.of("engine.TraceSourceCacheDetails", "true"), log));
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void theStartEvaluatesWhatThePreparationParsed() {
        var modules = new TestModules().file("main.js", "export const answer = 6 * 7;");
        SharedEngine engine = runtime.runtime.engine();
        List<JsFailure> failures = engine.parse("demo", modules.own(), List.of("main.js"), SourceLines.AS_WRITTEN);
        assertEquals(List.of(), failures);
        assertTrue(engine.parsedFor("demo"), "the parsed module is held for the start");
        collectGarbage();
        try (JsScript script = runtime.builder("demo", modules).build()) {
            assertEquals(42, script.evalModule("main.js").getMember("answer").asInt());
        }
        engine.started("demo");
        assertFalse(engine.parsedFor("demo"), "the start is over: the module is not held any longer");
        assertEquals(1, events("main.js", "miss"), "main.js is parsed once, by the preparation:\n" + log());
        assertTrue(events("main.js", "hit") >= 1, "the start finds main.js parsed:\n" + log());
    }

    @Test
    void aNewerParseReplacesTheOneHeld() {
        var first = new TestModules().file("main.js", "export const version = 1;");
        var second = new TestModules().file("main.js", "export const version = 2;");
        SharedEngine engine = runtime.runtime.engine();
        engine.parse("demo", first.own(), List.of("main.js"), SourceLines.AS_WRITTEN);
        engine.parse("demo", second.own(), List.of("main.js"), SourceLines.AS_WRITTEN);
        collectGarbage();
        try (JsScript script = runtime.builder("demo", second).build()) {
            assertEquals(2, script.evalModule("main.js").getMember("version").asInt());
        }
        assertEquals(2, events("main.js", "miss"), "each content is parsed once:\n" + log());
        assertTrue(events("main.js", "hit") >= 1, "the start finds the newer content parsed:\n" + log());
    }

    @Test
    void theModulesOfSeveralParsesAddUpUntilTheStart() {
        var modules = new TestModules().file("main.js", "import { base } from './util.js'; export const answer = base * 7;")
                .file("util.js", "export const base = 6;");
        SharedEngine engine = runtime.runtime.engine();
        engine.parse("demo", modules.own(), List.of("main.js"), SourceLines.AS_WRITTEN); // the server modules
        engine.parse("demo", modules.own(), List.of("util.js"), SourceLines.AS_WRITTEN); // then the others
        collectGarbage();
        try (JsScript script = runtime.builder("demo", modules).build()) {
            assertEquals(42, script.evalModule("main.js").getMember("answer").asInt());
        }
        assertEquals(1, events("main.js", "miss"), "the second parse does not let the first one's module go:\n" + log());
        assertTrue(events("main.js", "hit") >= 1, "the start finds main.js parsed:\n" + log());
    }

    @Test
    void aModuleThatDoesNotParseIsReportedAndNothingIsHeld() {
        var modules = new TestModules().file("main.js", "const = ;");
        SharedEngine engine = runtime.runtime.engine();
        List<JsFailure> failures = engine.parse("demo", modules.own(), List.of("main.js"), SourceLines.AS_WRITTEN);
        assertEquals(1, failures.size());
        assertFalse(engine.parsedFor("demo"));
    }

    /** How many cache events of a kind ({@code miss}, {@code hit}) the log has for a module. */
    private long events(String module, String kind) {
        return log().lines().filter(line -> line.contains("source-cache-" + kind) && line.contains(module)).count();
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** What only a weak reference held is gone after this (the parse cache's entry of a source nobody holds). */
    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    static Optional<byte[]> bytes(String text) {
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }
}

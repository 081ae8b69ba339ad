package dev.plinth.lang.js.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * A host object class is parsed once for every context of the engine: each resource's context creates the classes it
 * uses, and finds their code parsed, even after a collection (the engine's parse cache, which logs its misses here,
 * holds a parse only while its source is referenced). A context creates a class when it first meets an object of
 * its kind, not before: the cache is not even asked for the others.
 */
class HostClassParseTest {

    @Test
    void eachStartFindsTheHostClassesParsed() {
        var log = new ByteArrayOutputStream();
        try (var engine = SharedEngine.diagnosing(Map.of("engine.TraceSourceCache", "true"), log)) {
            for (int start = 0; start < 3; start++) {
                Context context = SharedEngine.withPolyglotLoader(engine::isolatedContext);
                context.enter();
                try {
                    HostObjects objects = HostObjects.create(context, List.of(HostClassTest.BOX),
                            new Grants("test", Grants.DEFAULT));
                    assertEquals("0", context.eval("js", "(b) => String(b.count())")
                            .execute(objects.wrap(HostClassTest.BOX, new HostClassTest.Box())).asString());
                } finally {
                    context.leave();
                    context.close();
                }
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
            }
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, trace.lines().filter(line -> line.contains("source-cache-miss")
                && line.contains("plinth-Box.js")).count(), "the class is parsed by the first start only:\n" + trace);
    }

    @Test
    void aContextCreatesOnlyTheClassesOfTheObjectsItMeets() {
        var log = new ByteArrayOutputStream();
        try (var engine = SharedEngine.diagnosing(Map.of("engine.TraceSourceCache", "true",
                "engine.TraceSourceCacheDetails", "true"), log)) {
            Context context = SharedEngine.withPolyglotLoader(engine::isolatedContext);
            context.enter();
            try {
                HostObjects objects = HostObjects.create(context, List.of(HostClassTest.BOX, HostClassTest.GUARDED),
                        new Grants("test", Grants.DEFAULT));
                Value plain = context.eval("js", "({})");
                assertFalse(objects.is(HostClassTest.GUARDED, plain), "no object of a class not created exists");
                var refused = assertThrows(IllegalArgumentException.class,
                        () -> objects.unwrap(HostClassTest.GUARDED, plain, "guarded.test"));
                assertEquals("guarded.test: expected a guarded", refused.getMessage());
                assertEquals("0", context.eval("js", "(b) => String(b.count())")
                        .execute(objects.wrap(HostClassTest.BOX, new HostClassTest.Box())).asString());
                assertThrows(IllegalStateException.class, () -> objects.wrap(HostClass.builder("Other", Object.class)
                        .build(), new Object()), "a kind the resource was not given");
            } finally {
                context.leave();
                context.close();
            }
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains("plinth-Box.js"), "the class of the object met is created:\n" + trace);
        assertFalse(trace.contains("plinth-Guarded.js"), "the other is never evaluated:\n" + trace);
        assertFalse(trace.contains("plinth-Other.js"), trace);
    }
}

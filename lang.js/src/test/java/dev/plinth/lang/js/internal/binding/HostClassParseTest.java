package dev.plinth.lang.js.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * A host object class is parsed once for every context of the engine: each resource's start creates the classes in
 * its new context, and finds their code parsed, even after a collection (the engine's parse cache, which logs its
 * misses here, holds a parse only while its source is referenced).
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
}

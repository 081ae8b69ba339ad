package dev.plinth.lang.js.meter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heap meter measures what a context keeps: what its module scope and closures reach counts, what the host
 * holds behind a proxy does not. Runs with the Graal JIT (the module's surefire settings), as the distribution does.
 */
class HeapMeterTest {

    static final long MIB = 1024 * 1024;
    static Engine engine;

    @BeforeAll
    static void engine() {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Context context() {
        return Context.newBuilder("js").engine(engine).option("js.esm-eval-returns-exports", "true").build();
    }

    static ContextHeap heapOf(Context context) {
        context.enter();
        try {
            return HeapMeter.of(engine).heap();
        } finally {
            context.leave();
        }
    }

    static long measure(ContextHeap heap) {
        return heap.retainedBytes(Long.MAX_VALUE, new AtomicBoolean());
    }

    static Value module(Context context, String code) throws Exception {
        return context.eval(Source.newBuilder("js", code, "m.mjs").build());
    }

    @Test
    void whatOnlyAClosureReachesIsKept() throws Exception {
        try (var context = context()) {
            ContextHeap heap = heapOf(context);
            context.eval("js", "0");
            long before = measure(heap);
            Value keep = module(context, "const kept = []; export function keep(n) { "
                    + "for (let i = 0; i < n; i++) { kept.push('x'.repeat(1000) + i); } }").getMember("keep");
            keep.execute(20_000);
            long after = measure(heap);
            assertTrue(after - before > 20 * MIB, before + " -> " + after);
            assertTrue(after - before < 80 * MIB, before + " -> " + after);
        }
    }

    @Test
    void theHostsObjectsBehindAProxyAreNotTheContexts() throws Exception {
        try (var context = context()) {
            ContextHeap heap = heapOf(context);
            byte[] hostData = new byte[(int) (64 * MIB)];
            context.getBindings("js").putMember("host", (ProxyExecutable) args -> hostData.length);
            context.eval("js", "host()");
            long measured = measure(heap);
            assertTrue(measured < 16 * MIB, "the host's 64 MiB are not the context's: " + measured);
        }
    }

    @Test
    void theHostsCallbackOfAFinishedCallIsNotTheContexts() throws Exception {
        try (var context = context()) {
            ContextHeap heap = heapOf(context);
            StatementCounter counter;
            context.enter();
            try {
                counter = StatementMeter.of(engine).counter();
            } finally {
                context.leave();
            }
            byte[] hostData = new byte[(int) (64 * MIB)];
            Runnable interrupt = () -> { // what a host's callback reaches: its own objects, its threads
                if (hostData.length == 0) {
                    throw new IllegalStateException();
                }
            };
            for (int call = 0; call < 3; call++) {
                counter.arm(1_000_000, interrupt);
                try {
                    context.eval("js", "{ let x = 0; for (let i = 0; i < 10; i++) { x += i; } }");
                } finally {
                    counter.disarm();
                }
            }
            long measured = measure(heap);
            assertTrue(measured < 16 * MIB, "the host's 64 MiB behind the callback are not the context's: " + measured);
        }
    }

    @Test
    void theWalkStopsEarlyAndCanBeCancelled() throws Exception {
        try (var context = context()) {
            ContextHeap heap = heapOf(context);
            module(context, "globalThis.kept = Array.from({ length: 10000 }, (_, i) => 'y'.repeat(1000) + i);");
            assertTrue(heap.retainedBytes(MIB, new AtomicBoolean()) > MIB);
            assertThrows(CancellationException.class, () -> heap.retainedBytes(Long.MAX_VALUE, new AtomicBoolean(true)));
        }
    }

    @Test
    void aContextMayBeMeasuredWhileItRunsCode() throws Exception {
        try (var context = context()) {
            ContextHeap heap = heapOf(context);
            Value grow = module(context, "const kept = []; export function grow(n) { "
                    + "for (let i = 0; i < n; i++) { kept.push({ i, s: 'z' + i }); if (kept.length > 50000) kept.length = 0; } }")
                    .getMember("grow");
            var running = new AtomicBoolean(true);
            Thread runner = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    grow.execute(10_000);
                }
            });
            try {
                for (int i = 0; i < 5; i++) {
                    assertTrue(measure(heap) > 0);
                }
            } finally {
                running.set(false);
                runner.join();
            }
        }
    }
}

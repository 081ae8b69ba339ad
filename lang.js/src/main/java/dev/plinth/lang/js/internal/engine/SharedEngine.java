package dev.plinth.lang.js.internal.engine;

import dev.plinth.lang.js.meter.HeapMeter;
import dev.plinth.lang.js.meter.StatementMeter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one GraalJS {@link Engine} every JavaScript resource's context shares: code parsed and compiled once serves
 * every resource, and an idle resource costs a context, not an engine.
 *
 * <p>GraalJS sits on the launcher class path; its service lookups use the thread's context class loader, so the
 * engine and the contexts are created with it set to the polyglot API's own loader ({@link #withPolyglotLoader}).
 *
 * <p>Thread-safe.
 */
public final class SharedEngine implements AutoCloseable {

    private static final String INTERPRETED = "Interpreted";

    private final Engine engine;
    private final StatementMeter statements;
    private final HeapMeter heap;
    private volatile long blankContextBytes = -1;

    private SharedEngine(Engine engine) {
        this.engine = engine;
        // Looked up before any context exists, so every context is counted from its first statement.
        this.statements = StatementMeter.of(engine);
        this.heap = HeapMeter.of(engine);
    }

    /**
     * Creates the engine; Truffle's own warning about interpreter mode is left out, the host says it in its start line.
     *
     * @return the engine
     * @throws org.graalvm.polyglot.PolyglotException or {@link IllegalStateException} when GraalJS or the host's
     *     meter ({@code dev.plinth.lang.js.meter}, beside GraalJS) is missing
     */
    public static SharedEngine create() {
        return new SharedEngine(withPolyglotLoader(() -> Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build()));
    }

    /**
     * Runs work with the thread's context class loader set to the one that loaded GraalJS.
     *
     * @param <T> the result type
     * @param work what creates polyglot objects
     * @return its result
     */
    public static <T> T withPolyglotLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A context of this engine with the sandbox every context shares and no files at all, for code that is not a
     * resource's (the TypeScript compiler) or runs none (parsing). The caller closes it; create it with the polyglot
     * loader set ({@link #withPolyglotLoader}).
     *
     * @return the context
     */
    public Context isolatedContext() {
        return JsScript.sandboxed(this).allowIO(IOAccess.NONE).build();
    }

    /**
     * Parses a resource's modules in a throwaway context, so that its start (on the game thread) finds them parsed:
     * the engine keeps what it parsed for every context. Runs no code.
     *
     * @param resource the resource, for messages
     * @param files the resource's files (TypeScript read as the JavaScript it compiles to)
     * @param paths the modules, relative to the resource root
     * @param lines where the lines of compiled modules lead back to
     * @return the modules that do not parse (or do not compile, or cannot be read), in the order of {@code paths}
     */
    public List<JsFailure> parse(String resource, ModuleFiles files, List<String> paths, SourceLines lines) {
        return withPolyglotLoader(() -> {
            var failures = new ArrayList<JsFailure>();
            try (Context context = isolatedContext()) {
                for (String path : paths) {
                    try {
                        Optional<byte[]> bytes = files.read(path);
                        if (bytes.isPresent()) {
                            context.parse(JsScript.moduleSource(path, bytes.get()));
                        }
                    } catch (IOException e) {
                        failures.add(new JsFailure(resource, path, 0, "cannot read the module: " + e.getMessage(), ""));
                    } catch (PolyglotException e) {
                        failures.add(JsFailure.of(resource, e, lines));
                    } catch (JsException e) {
                        failures.add(e.failure());
                    }
                }
            }
            return failures;
        });
    }

    /** {@return the engine} */
    public Engine engine() {
        return engine;
    }

    /** {@return the statement meter of the engine's contexts} */
    public StatementMeter statementMeter() {
        return statements;
    }

    /** {@return the heap meter of the engine's contexts} */
    public HeapMeter heapMeter() {
        return heap;
    }

    /**
     * What a context keeps before a resource runs anything in it (GraalJS's built-ins of one realm), measured once
     * from a blank sandboxed context: a resource's retained memory is what its context keeps beyond this. Slow the
     * first time; call it off the game thread.
     *
     * @return the bytes
     * @throws UnsupportedOperationException when this JVM cannot measure a context's heap ({@link #measuresHeap()})
     */
    public long blankContextBytes() {
        long known = blankContextBytes;
        if (known >= 0) {
            return known;
        }
        synchronized (this) {
            if (blankContextBytes < 0) {
                blankContextBytes = withPolyglotLoader(() -> {
                    try (var context = JsScript.sandboxed(this).allowIO(org.graalvm.polyglot.io.IOAccess.NONE).build()) {
                        context.eval("js", "0");
                        context.enter();
                        dev.plinth.lang.js.meter.ContextHeap blank;
                        try {
                            blank = heap.heap();
                        } finally {
                            context.leave();
                        }
                        return blank.retainedBytes(Long.MAX_VALUE, new java.util.concurrent.atomic.AtomicBoolean());
                    }
                });
            }
            return blankContextBytes;
        }
    }

    /**
     * Whether Truffle can measure what a context keeps: only on its optimizing runtime, that is with the Graal JIT.
     *
     * @return {@code true} in JIT mode
     */
    public boolean measuresHeap() {
        return compiled();
    }

    /** {@return whether guest code is compiled by the Graal JIT (else GraalJS only interprets it)} */
    public boolean compiled() {
        return !INTERPRETED.equals(engine.getImplementationName());
    }

    /** {@return the mode as the host's start line and {@code js:info} say it} */
    public String mode() {
        return compiled() ? "JIT (Graal compiler)" : "interpreter (no Graal JIT on this JVM)";
    }

    /** {@return the GraalJS version} */
    public String version() {
        try (var in = Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
            return in == null ? engine.getVersion()
                    : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return engine.getVersion();
        }
    }

    @Override
    public void close() {
        engine.close(true);
    }
}

package dev.plinth.lang.js.internal.engine;

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

    private SharedEngine(Engine engine) {
        this.engine = engine;
    }

    /**
     * Creates the engine; Truffle's own warning about interpreter mode is left out, the host says it in its start line.
     *
     * @return the engine
     * @throws org.graalvm.polyglot.PolyglotException or {@link IllegalStateException} when GraalJS is missing
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

package dev.plinth.lang.js.internal.engine;

import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;

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
     * Parses a resource's modules in a throwaway context, so that its start (on the game thread) finds them parsed:
     * the engine keeps what it parsed for every context. Runs no code; a file that does not parse is left for the
     * start to report.
     *
     * @param files the resource's files
     * @param paths the modules, relative to the resource root
     */
    public void preparse(ModuleFiles files, java.util.List<String> paths) {
        withPolyglotLoader(() -> {
            try (var context = JsScript.sandboxed(this).allowIO(org.graalvm.polyglot.io.IOAccess.NONE).build()) {
                for (String path : paths) {
                    try {
                        var bytes = files.read(path);
                        if (bytes.isPresent()) {
                            context.parse(JsScript.moduleSource(path, bytes.get()));
                        }
                    } catch (java.io.IOException | org.graalvm.polyglot.PolyglotException e) {
                        // reported when the resource starts
                    }
                }
            }
            return null;
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

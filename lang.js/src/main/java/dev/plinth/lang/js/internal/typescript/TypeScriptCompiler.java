package dev.plinth.lang.js.internal.typescript;

import dev.plinth.lang.js.internal.engine.JsFailure;
import dev.plinth.lang.js.internal.engine.JsLoadException;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * TypeScript's own compiler ({@code typescript.js} of the published {@code typescript} package, from its webjar inside
 * this bundle) run on the shared GraalJS engine: {@code ts.transpileModule} strips the types of one module and writes
 * an ES module with a source map, and {@code ts.preProcessFile} lists the imports of that module (TypeScript's own
 * scanner: the imports that remain once the types are gone, none in a comment or a string). It checks syntax, not
 * types (no other file is read), as {@code isolatedModules} builds do.
 *
 * <p>The compiler is loaded once, at the first module compiled, into a context of its own (sandboxed as every context
 * of the engine: no host access, no files); loading it takes seconds in the interpreter, so callers compile off the
 * game thread ahead of a start (the host's pre-parsing, a hot reload's preparation) and {@link TranspileCache} keeps
 * the results.
 *
 * <p>Thread-safe: compilations run one at a time.
 */
public final class TypeScriptCompiler implements AutoCloseable {

    private static final String WEBJAR = "META-INF/resources/webjars/typescript/";
    private static final String POM = "META-INF/maven/org.webjars.npm/typescript/pom.properties";
    private static final String GLUE = """
            (ts) => (source, fileName) => {
              const out = ts.transpileModule(source, { fileName, reportDiagnostics: true, compilerOptions: {
                module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true,
                newLine: ts.NewLineKind.LineFeed, removeComments: false } });
              const error = (out.diagnostics || []).find(d => d.category === ts.DiagnosticCategory.Error);
              if (error) {
                const at = error.file && error.start !== undefined
                    ? error.file.getLineAndCharacterOfPosition(error.start).line + 1 : 0;
                return { error: ts.flattenDiagnosticMessageText(error.messageText, ' '), code: error.code, line: at };
              }
              const imports = ts.preProcessFile(out.outputText, true, true).importedFiles.map(f => f.fileName);
              return { javascript: out.outputText, sourceMap: out.sourceMapText, imports };
            }
            """;

    private final SharedEngine engine;
    private final String version;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable Context context;
    private @Nullable Value transpile;
    private boolean closed;

    /**
     * Creates the compiler; loads nothing yet.
     *
     * @param engine the shared engine
     * @throws IllegalStateException when the TypeScript webjar is missing from the class path
     */
    public TypeScriptCompiler(SharedEngine engine) {
        this.engine = engine;
        this.version = webjarVersion();
    }

    /** {@return the TypeScript version} */
    public String version() {
        return version;
    }

    /**
     * Compiles one module.
     *
     * @param resource the resource, for messages
     * @param file the module as users read it ({@code main.ts}); source maps and errors name it
     * @param source its text
     * @return the JavaScript and its lines
     * @throws JsLoadException when it does not parse, naming the resource, the file and the line; or when the compiler
     *     cannot run
     */
    public Transpiled transpile(String resource, String file, String source) {
        lock.lock();
        try {
            Value result = function(resource, file).execute(source, file);
            if (result.hasMember("error")) {
                throw new JsLoadException(new JsFailure(resource, file, result.getMember("line").asInt(),
                        "SyntaxError: " + result.getMember("error").asString() + " (TS"
                                + result.getMember("code").asInt() + ")", ""), null);
            }
            String javascript = result.getMember("javascript").asString();
            int comment = javascript.lastIndexOf("//# sourceMappingURL=");
            if (comment >= 0) {
                javascript = javascript.substring(0, comment);
            }
            Value imported = result.getMember("imports");
            var imports = new ArrayList<String>((int) imported.getArraySize());
            for (long i = 0; i < imported.getArraySize(); i++) {
                imports.add(imported.getArrayElement(i).asString());
            }
            return new Transpiled(javascript, LineMap.parse(result.getMember("sourceMap").asString()), imports);
        } catch (PolyglotException | IllegalStateException e) {
            throw new JsLoadException(new JsFailure(resource, file, 0, "the TypeScript compiler failed: "
                    + e.getMessage(), ""), e);
        } finally {
            lock.unlock();
        }
    }

    /** The compiling function, loading the compiler the first time. Under the lock. */
    private Value function(String resource, String file) {
        if (closed) {
            throw new IllegalStateException("the JavaScript host is stopping");
        }
        Value function = transpile;
        if (function == null) {
            URL script = TypeScriptCompiler.class.getClassLoader().getResource(WEBJAR + version + "/lib/typescript.js");
            if (script == null) {
                throw new JsLoadException(new JsFailure(resource, file, 0, "the TypeScript compiler (typescript.js "
                        + version + ") is missing from the JavaScript host", ""), null);
            }
            function = SharedEngine.withPolyglotLoader(() -> {
                Context created = engine.isolatedContext();
                try {
                    String text;
                    try (InputStream in = script.openStream()) {
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    created.eval(Source.newBuilder("js", text, "typescript.js").build());
                    Value ts = created.getBindings("js").getMember("ts");
                    context = created;
                    return created.eval("js", GLUE).execute(ts);
                } catch (IOException | RuntimeException e) {
                    created.close(true);
                    throw new IllegalStateException("cannot load TypeScript " + version + ": " + e.getMessage(), e);
                }
            });
            transpile = function;
        }
        return function;
    }

    /** Drops the compiler's context; later compilations fail. Any thread. */
    @Override
    public void close() {
        Context loaded;
        lock.lock();
        try {
            closed = true;
            loaded = context;
            context = null;
            transpile = null;
        } finally {
            lock.unlock();
        }
        if (loaded != null) {
            try {
                loaded.close(true);
            } catch (IllegalStateException | PolyglotException e) {
                // closed with the engine already
            }
        }
    }

    private static String webjarVersion() {
        try (InputStream in = TypeScriptCompiler.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the TypeScript webjar (" + POM + ") is missing from the JavaScript host");
            }
            var properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + POM + ": " + e.getMessage(), e);
        }
    }
}

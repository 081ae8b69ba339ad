package dev.plinth.lang.js.internal.typescript;

import dev.plinth.lang.js.internal.engine.ModuleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A resource's files as its modules see them when some are TypeScript: a {@code .ts} or {@code .mts} file reads as
 * the JavaScript it compiles to (through the {@link TranspileCache}), and its lines are recorded in the resource's
 * {@link TypeScriptLines}, so that errors name the {@code .ts} line. Other files read as they are.
 *
 * @param resource the resource whose modules these are, for messages
 * @param files the files as written
 * @param cache the compiled modules
 * @param display how users read a path of these files ({@code main.ts}, {@code @id/util.ts})
 * @param lines where the lines of compiled modules are recorded
 */
public record TypeScriptFiles(String resource, ModuleFiles files, TranspileCache cache, UnaryOperator<String> display,
        TypeScriptLines lines) implements ModuleFiles {

    /**
     * Whether a file is TypeScript.
     *
     * @param path a path
     * @return whether it ends with {@code .ts} or {@code .mts} (and is not a declaration file, {@code .d.ts})
     */
    public static boolean isTypeScript(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".ts") || lower.endsWith(".mts")) && !lower.endsWith(".d.ts");
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.plinth.lang.js.internal.engine.JsLoadException when a TypeScript file does not compile, naming the
     *     file and the line
     */
    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Optional<byte[]> bytes = files.read(path);
        if (bytes.isEmpty() || !isTypeScript(path)) {
            return bytes;
        }
        String shown = display.apply(path);
        Transpiled transpiled = cache.transpile(resource, shown, bytes.get());
        lines.record(shown, transpiled.lines());
        return Optional.of(transpiled.javascript().getBytes(StandardCharsets.UTF_8));
    }
}

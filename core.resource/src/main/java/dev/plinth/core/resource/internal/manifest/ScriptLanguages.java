package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.Language;
import java.util.Locale;
import java.util.Optional;

/** The language of a script file, by its extension. */
final class ScriptLanguages {

    private ScriptLanguages() {}

    /**
     * {@code .lua} is Lua; {@code .js}, {@code .mjs} and TypeScript ({@code .ts}, {@code .mts}, which the JavaScript
     * host compiles) JavaScript; {@code .wasm} WebAssembly (and {@code .wat}, its text format, which the WebAssembly
     * host assembles when it loads the module).
     */
    static Optional<Language> of(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".lua")) {
            return Optional.of(Language.LUA);
        }
        if (lower.endsWith(".js") || lower.endsWith(".mjs") || lower.endsWith(".ts") || lower.endsWith(".mts")) {
            return Optional.of(Language.JS);
        }
        if (lower.endsWith(".wasm") || lower.endsWith(".wat")) {
            return Optional.of(Language.WASM);
        }
        return Optional.empty();
    }
}

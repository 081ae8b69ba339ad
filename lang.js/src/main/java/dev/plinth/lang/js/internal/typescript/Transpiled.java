package dev.plinth.lang.js.internal.typescript;

import java.util.List;
import java.util.Objects;

/**
 * A TypeScript module compiled to JavaScript (an ES module), with the way back to its lines and the modules it imports.
 *
 * @param javascript the compiled module, without its {@code sourceMappingURL} comment
 * @param lines the original line of each compiled line
 * @param imports the module specifiers the compiled module imports, as written ({@code ./util}, {@code @other}), in
 *     the order they appear, as TypeScript's {@code ts.preProcessFile} lists them: static imports and re-exports,
 *     and {@code import()} of a constant string; imports of types only are gone with the types
 */
public record Transpiled(String javascript, LineMap lines, List<String> imports) {

    /** Validates the components and copies the imports. */
    public Transpiled {
        Objects.requireNonNull(javascript, "javascript");
        Objects.requireNonNull(lines, "lines");
        imports = List.copyOf(imports);
    }
}

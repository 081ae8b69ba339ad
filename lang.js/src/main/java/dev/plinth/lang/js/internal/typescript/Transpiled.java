package dev.plinth.lang.js.internal.typescript;

import java.util.Objects;

/**
 * A TypeScript module compiled to JavaScript (an ES module), with the way back to its lines.
 *
 * @param javascript the compiled module, without its {@code sourceMappingURL} comment
 * @param lines the original line of each compiled line
 */
public record Transpiled(String javascript, LineMap lines) {

    /** Validates the components. */
    public Transpiled {
        Objects.requireNonNull(javascript, "javascript");
        Objects.requireNonNull(lines, "lines");
    }
}

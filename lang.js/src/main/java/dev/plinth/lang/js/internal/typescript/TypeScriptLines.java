package dev.plinth.lang.js.internal.typescript;

import dev.plinth.lang.js.internal.engine.SourceLines;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lines of the TypeScript modules one resource loaded, by the name users read ({@code main.ts}): a compiled
 * line leads back to the {@code .ts} line; any other module's lines are its own.
 *
 * <p>Thread-safe.
 */
public final class TypeScriptLines implements SourceLines {

    private final Map<String, LineMap> byFile = new ConcurrentHashMap<>();

    /** Creates an empty record. */
    public TypeScriptLines() {
        // filled as modules load
    }

    /**
     * Records a compiled module's lines.
     *
     * @param file the module as users read it
     * @param lines its lines
     */
    void record(String file, LineMap lines) {
        byFile.put(file, lines);
    }

    @Override
    public int original(String file, int line) {
        LineMap map = byFile.get(file);
        return map == null ? line : map.original(line);
    }
}

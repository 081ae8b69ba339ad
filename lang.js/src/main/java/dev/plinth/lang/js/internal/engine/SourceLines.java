package dev.plinth.lang.js.internal.engine;

/**
 * Where a line of the code that runs came from: a module compiled from TypeScript runs JavaScript whose lines are not
 * the {@code .ts} file's, and its source map leads back. Errors and stacks name the original line.
 *
 * <p>Thread-safe.
 */
@FunctionalInterface
public interface SourceLines {

    /** Lines that are their own: JavaScript runs as written. */
    SourceLines AS_WRITTEN = (file, line) -> line;

    /**
     * The original line of a line that ran.
     *
     * @param file the module as users read it ({@code main.ts}, {@code @id/util.ts})
     * @param line the line in the code that ran, 1-based (0 when unknown)
     * @return the line in the file as written, 1-based; {@code line} itself when the module is not compiled
     */
    int original(String file, int line);
}

package dev.plinth.core.runtime.config;

import java.io.Serial;
import java.nio.file.Path;

/**
 * A config file is malformed or does not fit the type it is read into. The message reads
 * {@code data/hello/config.toml:3:7: ...}.
 */
public final class ConfigParseException extends ConfigException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /**
     * Creates the exception.
     *
     * @param file the file
     * @param line the line of the problem, from 1 (0 when unknown)
     * @param column the column of the problem, from 1 (0 when unknown)
     * @param problem what is wrong there
     * @param cause the parser's exception
     */
    public ConfigParseException(Path file, int line, int column, String problem, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * The malformed file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The line of the problem.
     *
     * @return from 1, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem.
     *
     * @return from 1, or 0 when unknown
     */
    public int column() {
        return column;
    }
}

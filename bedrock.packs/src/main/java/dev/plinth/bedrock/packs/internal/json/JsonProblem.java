package dev.plinth.bedrock.packs.internal.json;

import java.io.Serial;

/**
 * A pack file that is not what Bedrock expects there: the JSON path of the problem, its line once known, and what is
 * wrong. The loader skips the file and reports it with the pack and the file name.
 */
public final class JsonProblem extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;

    /**
     * Creates the problem.
     *
     * @param path the JSON pointer of the value ({@code /minecraft:entity/description/identifier}), empty for the
     *     file as a whole
     * @param line the line, from 1; 0 when not known yet
     * @param message what is wrong
     */
    public JsonProblem(String path, int line, String message) {
        super(message);
        this.path = path;
        this.line = line;
    }

    /** {@return the JSON pointer of the value, empty for the whole file} */
    public String path() {
        return path;
    }

    /** {@return the line, 0 when not known} */
    public int line() {
        return line;
    }
}

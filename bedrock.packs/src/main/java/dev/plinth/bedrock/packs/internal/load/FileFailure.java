package dev.plinth.bedrock.packs.internal.load;

/**
 * A pack file the loader skipped: the pack, the file, the line and the JSON path of the problem, and what is wrong.
 *
 * @param pack the pack
 * @param file the file, relative to the pack
 * @param line the line, 0 when unknown
 * @param path the JSON pointer of the problem, empty for the whole file
 * @param message what is wrong
 */
public record FileFailure(String pack, String file, int line, String path, String message) {

    /** Formats as {@code pack: entities/guard.json:12 at /minecraft:entity/components: message}. */
    @Override
    public String toString() {
        return pack + ": " + file + (line > 0 ? ":" + line : "") + (path.isEmpty() ? "" : " at " + path) + ": "
                + message;
    }
}

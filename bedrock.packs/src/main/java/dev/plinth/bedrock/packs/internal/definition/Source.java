package dev.plinth.bedrock.packs.internal.definition;

/**
 * Where a definition was read from.
 *
 * @param pack the pack (resource name)
 * @param file the file, relative to the pack ({@code entities/guard.json})
 * @param formatVersion the file's {@code format_version} as written, empty when it has none
 */
public record Source(String pack, String file, String formatVersion) {

    @Override
    public String toString() {
        return pack + ": " + file;
    }
}

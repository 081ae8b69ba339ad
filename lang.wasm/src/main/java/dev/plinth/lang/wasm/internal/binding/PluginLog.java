package dev.plinth.lang.wasm.internal.binding;

/**
 * Where a plugin's own lines go: its logging host functions, and its standard output and error (WASI). One call is
 * one line in the resource's name.
 *
 * <p>Implementations are thread-safe.
 */
public interface PluginLog {

    /** The levels of a plugin's log lines. */
    enum Level {
        /** Details for the plugin's author. */
        DEBUG,
        /** What the plugin does. */
        INFO,
        /** Something went wrong, the plugin goes on. */
        WARN,
        /** Something failed. */
        ERROR
    }

    /**
     * Writes one line.
     *
     * @param level its level
     * @param line the text, as the plugin gave it (the log escapes control characters)
     */
    void log(Level level, String line);
}

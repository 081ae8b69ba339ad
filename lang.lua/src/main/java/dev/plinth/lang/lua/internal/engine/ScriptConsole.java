package dev.plinth.lang.lua.internal.engine;

/** Where a resource's {@code print} goes: one line per call, already joined with tabs like Lua's own print. */
@FunctionalInterface
public interface ScriptConsole {

    /**
     * Prints one line of the resource.
     *
     * @param line what the script printed
     */
    void print(String line);
}

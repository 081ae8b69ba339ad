package dev.plinth.lang.lua.internal.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;

/** Loads one Lua file of the resource as a function, for {@code require}. */
@FunctionalInterface
public interface ChunkLoader {

    /**
     * Loads a file.
     *
     * @param file a relative path such as {@code lib/util.lua}
     * @return the chunk, or {@code null} when the resource has no such file
     * @throws LuaError when the file does not compile, naming the file and line
     */
    LuaFunction load(String file);
}

package dev.plinth.lang.lua.internal.engine;

import java.util.Optional;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * Chunks compiled before a start, off the game thread, found by the content of their file: a start that finds its
 * file's content here runs it without parsing or compiling it. A content not found here is parsed and given to the
 * {@link ChunkCompiler}, as at any start.
 */
@FunctionalInterface
public interface PreparedChunks {

    /** Nothing is prepared: every start parses its files. */
    PreparedChunks NONE = (resource, source, environment) -> Optional.empty();

    /**
     * The main function of a file's content that was compiled beforehand, for one Lua state.
     *
     * @param resource the resource the file belongs to
     * @param source the file's content, as the start read it
     * @param environment the resource's globals
     * @return the function; empty when this content was not compiled beforehand
     * @throws RuntimeException when a kept content cannot be instantiated (the start then parses it)
     */
    Optional<LuaFunction> instantiate(String resource, LuaSource source, LuaValue environment);
}

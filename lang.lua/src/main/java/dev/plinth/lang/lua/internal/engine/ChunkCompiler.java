package dev.plinth.lang.lua.internal.engine;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * How a parsed Lua chunk becomes runnable: interpreted ({@link #INTERPRETER}) or compiled to JVM bytecode (LuaJC).
 * The strategy seam of the Lua host. A start parses a file, and gives it to this, only when {@link PreparedChunks} has
 * no compiled class for its content.
 */
@FunctionalInterface
public interface ChunkCompiler {

    /** Runs chunks in LuaJ's interpreter, metered by the instruction hook. */
    ChunkCompiler INTERPRETER = (resource, file, prototype, environment) -> new LuaClosure(prototype, environment);

    /**
     * Makes a function of a chunk.
     *
     * @param resource the resource the chunk belongs to
     * @param file the chunk's file, relative to the resource ({@code main.lua})
     * @param prototype the parsed chunk
     * @param environment the resource's globals
     * @return the chunk's main function
     * @throws RuntimeException when this strategy cannot make the chunk runnable
     */
    LuaFunction compile(String resource, String file, Prototype prototype, LuaValue environment);

    /**
     * This strategy, falling back to another where it fails.
     *
     * @param fallback the strategy to use when this one throws
     * @param onFallback told the resource, the file and why, each time the fallback is used
     * @return the combined strategy
     */
    default ChunkCompiler orElse(ChunkCompiler fallback, FallbackListener onFallback) {
        return (resource, file, prototype, environment) -> {
            try {
                return compile(resource, file, prototype, environment);
            } catch (RuntimeException | LinkageError e) {
                onFallback.fellBack(resource, file, e);
                return fallback.compile(resource, file, prototype, environment);
            }
        };
    }

    /** Told when a chunk could not be compiled and runs interpreted. */
    @FunctionalInterface
    interface FallbackListener {

        /**
         * A chunk fell back to the other strategy.
         *
         * @param resource the resource
         * @param file the chunk's file
         * @param cause why the first strategy failed
         */
        void fellBack(String resource, String file, Throwable cause);
    }
}

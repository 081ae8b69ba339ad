package dev.plinth.lang.lua.internal.reload;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * LuaJC compilation, once per content: a chunk's compiled class is kept by the {@linkplain PrototypeDigest digest} of
 * what it was compiled from, so every Lua state that runs the same code (a resource started again, a file a reload did
 * not change) instantiates the class instead of compiling it. {@link #keep} compiles a resource's next content
 * before a hot reload, off the game thread, so that the swap on the game thread only instantiates.
 *
 * <p>Per file of each resource, the two latest contents are kept (the running one and the one before, which a
 * rollback starts again); older classes are dropped, so their class loaders go once no Lua state runs them.
 *
 * <p>Thread-safe: preparing and starting may run at once.
 */
public final class CompiledChunks implements ChunkCompiler {

    private static final int KEPT = 2;

    private final LuaJcCompiler compiler;
    private final Map<String, Deque<Compiled>> byFile = new ConcurrentHashMap<>();

    /**
     * Creates the cache.
     *
     * @param compiler what compiles a chunk that is not kept
     */
    public CompiledChunks(LuaJcCompiler compiler) {
        this.compiler = compiler;
    }

    /** One compiled content of a file. */
    private record Compiled(String digest, Class<?> chunk) {}

    @Override
    public LuaFunction compile(String resource, String file, Prototype prototype, LuaValue environment) {
        return LuaJcCompiler.instantiate(classOf(resource, file, prototype), file, environment);
    }

    /**
     * Parses one file, as a resource's start would.
     *
     * @param file the file, relative to the resource
     * @param source its bytes
     * @return the parsed chunk
     * @throws LuaError when it does not parse, with {@code file:line:} in front of the message
     */
    public static Prototype parse(String file, byte[] source) {
        try {
            return LuaC.instance.compile(new ByteArrayInputStream(source), file);
        } catch (IOException e) {
            throw new LuaError("cannot read " + file + ": " + e.getMessage());
        } catch (LuaError e) {
            throw new LuaError(String.valueOf(e.getMessage()).replace("[string \"" + file + "\"]", file));
        }
    }

    /**
     * Compiles a parsed file of a resource's next content and keeps it for the start that follows.
     *
     * @param resource the resource
     * @param file the file, relative to the resource
     * @param prototype the parsed chunk
     * @throws RuntimeException when LuaJC cannot compile it (it will run interpreted)
     */
    public void keep(String resource, String file, Prototype prototype) {
        classOf(resource, file, prototype);
    }

    /** {@return how many compiled contents are kept, for the tests} */
    int size() {
        return byFile.values().stream().mapToInt(Deque::size).sum();
    }

    private Class<?> classOf(String resource, String file, Prototype prototype) {
        String digest = PrototypeDigest.of(prototype);
        Deque<Compiled> kept = byFile.computeIfAbsent(resource + '\u0000' + file, key -> new ArrayDeque<>(KEPT + 1));
        synchronized (kept) {
            for (Compiled compiled : kept) {
                if (compiled.digest().equals(digest)) {
                    kept.remove(compiled);
                    kept.addFirst(compiled); // the latest used goes last
                    return compiled.chunk();
                }
            }
        }
        Class<?> chunk = compiler.define(resource, file, prototype);
        synchronized (kept) {
            kept.addFirst(new Compiled(digest, chunk));
            while (kept.size() > KEPT) {
                kept.removeLast();
            }
        }
        return chunk;
    }
}

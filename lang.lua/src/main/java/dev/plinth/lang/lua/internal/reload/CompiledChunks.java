package dev.plinth.lang.lua.internal.reload;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
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
    private final ChunkCompiler defining;
    private final Map<String, Deque<Compiled>> byFile = new ConcurrentHashMap<>();

    /**
     * Creates the cache.
     *
     * @param compiler what compiles a chunk that is not kept
     * @param bounds the bounds a compilation runs within (the host's size limit, timeout and compiler threads),
     *     around the compilation and keeping of a chunk; a chunk that is kept already is instantiated at once
     */
    public CompiledChunks(LuaJcCompiler compiler, UnaryOperator<ChunkCompiler> bounds) {
        this.compiler = compiler;
        this.defining = bounds.apply((resource, file, prototype, environment) ->
                LuaJcCompiler.instantiate(define(resource, file, prototype), file, environment));
    }

    /** One compiled content of a file. */
    private record Compiled(String digest, Class<?> chunk) {}

    @Override
    public LuaFunction compile(String resource, String file, Prototype prototype, LuaValue environment) {
        Class<?> kept = kept(resource, file, PrototypeDigest.of(prototype));
        return kept != null ? LuaJcCompiler.instantiate(kept, file, environment)
                : defining.compile(resource, file, prototype, environment);
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
        if (kept(resource, file, PrototypeDigest.of(prototype)) == null) {
            defining.compile(resource, file, prototype, new LuaTable());
        }
    }

    /** {@return how many compiled contents are kept, for the tests} */
    int size() {
        return byFile.values().stream().mapToInt(Deque::size).sum();
    }

    /** The class kept for a content, moved to the front of its file's contents; {@code null} when none is. */
    private @Nullable Class<?> kept(String resource, String file, String digest) {
        Deque<Compiled> kept = byFile.get(key(resource, file));
        if (kept == null) {
            return null;
        }
        synchronized (kept) {
            for (Compiled compiled : kept) {
                if (compiled.digest().equals(digest)) {
                    kept.remove(compiled);
                    kept.addFirst(compiled); // the latest used goes last
                    return compiled.chunk();
                }
            }
        }
        return null;
    }

    /** Compiles a content and keeps it; on the compiler threads, within the bounds. */
    private Class<?> define(String resource, String file, Prototype prototype) {
        String digest = PrototypeDigest.of(prototype);
        Class<?> chunk = compiler.define(resource, file, prototype);
        Deque<Compiled> kept = byFile.computeIfAbsent(key(resource, file), key -> new ArrayDeque<>(KEPT + 1));
        synchronized (kept) {
            kept.removeIf(compiled -> compiled.digest().equals(digest));
            kept.addFirst(new Compiled(digest, chunk));
            while (kept.size() > KEPT) {
                kept.removeLast();
            }
        }
        return chunk;
    }

    private static String key(String resource, String file) {
        return resource + '\u0000' + file;
    }
}

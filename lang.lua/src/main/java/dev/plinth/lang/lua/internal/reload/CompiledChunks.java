package dev.plinth.lang.lua.internal.reload;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaSource;
import dev.plinth.lang.lua.internal.engine.PreparedChunks;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * LuaJC compilation, once per content: a chunk's compiled class is kept, so every Lua state that runs the same code (a
 * resource started again, a file a reload did not change) instantiates the class instead of compiling it.
 * {@link #keep(String, LuaSource, Prototype)} compiles a resource's next content before a start or a hot reload, off
 * the game thread, and keeps it by the {@linkplain LuaSource#digest() digest of its source}: the start on the game
 * thread finds it there ({@link #instantiate}) without parsing the file. A content parsed at the start (one that
 * changed after its preparation, or was never prepared) is recognized by the {@linkplain PrototypeDigest digest of
 * the parsed chunk} ({@link #compile}), and compiled when it is not kept.
 *
 * <p>Per file of each resource, the two latest contents are kept (the running one and the one before, which a
 * rollback starts again); older classes are dropped, so their class loaders go once no Lua state runs them.
 *
 * <p>Thread-safe: preparing and starting may run at once.
 */
public final class CompiledChunks implements ChunkCompiler, PreparedChunks {

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

    /**
     * One compiled content of a file.
     *
     * @param source the digest of the source it was compiled from; {@code null} while only its parsed chunk is known
     * @param prototype the digest of its parsed chunk
     * @param chunk its main class
     */
    private record Compiled(@Nullable String source, String prototype, Class<?> chunk) {}

    @Override
    public LuaFunction compile(String resource, String file, Prototype prototype, LuaValue environment) {
        String digest = PrototypeDigest.of(prototype);
        Compiled kept = kept(resource, file, compiled -> compiled.prototype().equals(digest));
        return kept != null ? LuaJcCompiler.instantiate(kept.chunk(), file, environment)
                : defining.compile(resource, file, prototype, environment);
    }

    @Override
    public Optional<LuaFunction> instantiate(String resource, LuaSource source, LuaValue environment) {
        if (!byFile.containsKey(key(resource, source.file()))) {
            return Optional.empty();
        }
        String digest = source.digest();
        Compiled kept = kept(resource, source.file(), compiled -> digest.equals(compiled.source()));
        return kept == null ? Optional.empty()
                : Optional.of(LuaJcCompiler.instantiate(kept.chunk(), source.file(), environment));
    }

    /**
     * Compiles a file of a resource's next content and keeps it for the start that follows, which then finds it by
     * its source without parsing it.
     *
     * @param resource the resource
     * @param source the file's content
     * @param prototype the content, parsed ({@link LuaSource#parse()})
     * @throws RuntimeException when LuaJC cannot compile it (it will run interpreted)
     */
    public void keep(String resource, LuaSource source, Prototype prototype) {
        String file = source.file();
        String sourceDigest = source.digest();
        if (kept(resource, file, compiled -> sourceDigest.equals(compiled.source())) != null) {
            return;
        }
        String prototypeDigest = PrototypeDigest.of(prototype);
        if (kept(resource, file, compiled -> compiled.prototype().equals(prototypeDigest)) == null) {
            defining.compile(resource, file, prototype, new LuaTable());
        }
        Deque<Compiled> kept = byFile.get(key(resource, file));
        if (kept == null) {
            return;
        }
        synchronized (kept) {
            for (Compiled compiled : kept) {
                if (compiled.prototype().equals(prototypeDigest)) {
                    kept.remove(compiled);
                    kept.addFirst(new Compiled(sourceDigest, prototypeDigest, compiled.chunk()));
                    return;
                }
            }
        }
    }

    /** {@return how many compiled contents are kept, for the tests} */
    int size() {
        return byFile.values().stream().mapToInt(Deque::size).sum();
    }

    /** The content kept that matches, moved to the front of its file's contents; {@code null} when none is. */
    private @Nullable Compiled kept(String resource, String file, Predicate<Compiled> content) {
        Deque<Compiled> kept = byFile.get(key(resource, file));
        if (kept == null) {
            return null;
        }
        synchronized (kept) {
            for (Compiled compiled : kept) {
                if (content.test(compiled)) {
                    kept.remove(compiled);
                    kept.addFirst(compiled); // the latest used goes last
                    return compiled;
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
            kept.removeIf(compiled -> compiled.prototype().equals(digest));
            kept.addFirst(new Compiled(null, digest, chunk));
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

package dev.plinth.lang.lua.internal.reload;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lua starts made as the host makes them (the kept chunks as the prepared ones, LuaJC through them as the compiler,
 * the interpreter where LuaJC fails), with what happened counted: every LuaJC compilation, every file a start parsed,
 * every file that ran interpreted, every line printed.
 */
public final class PreparedStarts {

    /** Every LuaJC compilation, by file, before a start or during one. */
    public final List<String> compilations = new ArrayList<>();
    /** The files the starts parsed: each parsed chunk reaches the host's compiler, and only a parsed one does. */
    public final List<String> parsed = new ArrayList<>();
    /** The files that ran interpreted because LuaJC failed. */
    public final List<String> interpreted = new ArrayList<>();
    /** What the scripts printed. */
    public final List<String> printed = new ArrayList<>();
    private final CompiledChunks chunks;

    /**
     * Starts with LuaJC refusing some files, as it refuses a function too long for it.
     *
     * @param refused the files LuaJC refuses
     */
    public PreparedStarts(Set<String> refused) {
        this.chunks = new CompiledChunks(new LuaJcCompiler(), luajc -> (resource, file, prototype, environment) -> {
            if (refused.contains(file)) {
                throw new IllegalStateException("a function longer than LuaJC is given");
            }
            compilations.add(file);
            return luajc.compile(resource, file, prototype, environment);
        });
    }

    /** {@return the kept chunks, which preparations fill} */
    public CompiledChunks chunks() {
        return chunks;
    }

    /**
     * Starts a resource and runs its main.lua; its state is closed again.
     *
     * @param resource the resource
     * @param files its files as the start reads them
     * @throws ScriptException as the start fails
     */
    public void start(String resource, ScriptFiles files) {
        ChunkCompiler host = chunks.orElse(ChunkCompiler.INTERPRETER, (name, file, cause) -> interpreted.add(file));
        LuaScript script = TestScripts.builder(resource, files, Limits.defaults())
                .withConsole(printed::add)
                .withCompiler((name, file, prototype, environment) -> {
                    parsed.add(file);
                    return host.compile(name, file, prototype, environment);
                })
                .withPrepared(chunks).build();
        try {
            script.run("main.lua");
        } finally {
            script.close();
        }
    }
}

package dev.plinth.lang.lua.internal.luajc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaClosure;

/**
 * LuaJC off the calling thread and within bounds: a chunk with a function too long for LuaJC (whose time grows about
 * with the cube of a function's length) and a compilation that overruns its time both run interpreted instead.
 */
class BoundedCompilerTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> fellBack = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static String longFunction(int lines) {
        var source = new StringBuilder("function big(x)\n  local t = 0\n");
        for (int i = 0; i < lines; i++) {
            source.append("  if x > ").append(i).append(" then t = t + x * ").append(i).append(" else t = t - 1 end\n");
        }
        return source.append("  return t\nend\nresult = big(3)\n").toString();
    }

    private LuaScript script(ChunkCompiler bounded, String main) {
        ChunkCompiler compiler = bounded.orElse(ChunkCompiler.INTERPRETER,
                (resource, file, cause) -> fellBack.add(file + ": " + cause.getMessage()));
        return TestScripts.builder("test", ScriptFiles.of(Map.of("main.lua", main)), Limits.defaults())
                .withCompiler(compiler).build();
    }

    @Test
    void aFunctionTooLongForLuaJCRunsInterpreted() {
        var bounded = new BoundedCompiler(new LuaJcCompiler(), threads, 1000, Duration.ofSeconds(30));
        LuaScript script = script(bounded, longFunction(800));
        script.run("main.lua");
        assertEquals(3 * 3 - 797, script.globals().get("result").toint(), "it ran, interpreted");
        assertTrue(script.globals().get("big") instanceof LuaClosure, "an interpreted closure");
        assertEquals(1, fellBack.size());
        assertTrue(fellBack.getFirst().matches("main\\.lua: a function of \\d+ instructions is longer than LuaJC is "
                + "given \\(1000, lua\\.max_compiled_function_size\\)"), fellBack.getFirst());
    }

    @Test
    void aShortChunkIsCompiledOffTheCallingThread() {
        var threadsUsed = new CopyOnWriteArrayList<String>();
        ChunkCompiler luajc = new LuaJcCompiler();
        ChunkCompiler recording = (resource, file, prototype, environment) -> {
            threadsUsed.add(Thread.currentThread().getName());
            return luajc.compile(resource, file, prototype, environment);
        };
        var bounded = new BoundedCompiler(recording, threads, 1000, Duration.ofSeconds(30));
        LuaScript script = script(bounded, "function add(a, b) return a + b end result = add(2, 3)");
        script.run("main.lua");
        assertEquals(5, script.globals().get("result").toint());
        assertEquals(List.of(), fellBack);
        assertTrue(!threadsUsed.getFirst().equals(Thread.currentThread().getName()), threadsUsed.toString());
    }

    @Test
    void aCompilationThatOverrunsItsTimeRunsInterpreted() {
        var never = new CountDownLatch(1);
        ChunkCompiler stuck = (resource, file, prototype, environment) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("abandoned");
        };
        var bounded = new BoundedCompiler(stuck, threads, 1000, Duration.ofMillis(100));
        LuaScript script = script(bounded, "result = 6 * 7");
        script.run("main.lua");
        assertEquals(42, script.globals().get("result").toint());
        assertEquals(List.of("main.lua: LuaJC did not compile it within 100 ms (lua.compile_timeout_ms)"), fellBack);
    }
}

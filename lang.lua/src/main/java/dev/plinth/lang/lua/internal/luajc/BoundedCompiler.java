package dev.plinth.lang.lua.internal.luajc;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * LuaJC with bounds, off the calling thread (the game thread, when a resource starts): a chunk with a function longer
 * than {@code maxFunctionSize} Lua instructions is not given to LuaJC at all (its time grows about with the cube of a
 * function's length: 36 s for one 800-line function), and a compilation runs on the compiler threads
 * ({@value #THREAD}) for at most {@code timeout}. Either way this strategy throws, and combined with the interpreter
 * through {@link ChunkCompiler#orElse} the chunk runs interpreted.
 *
 * <p>Thread-safe. A compilation that overruns its bound is abandoned (LuaJC cannot be interrupted); its thread ends
 * with it.
 */
public final class BoundedCompiler implements ChunkCompiler {

    /** The name of the compiler threads. */
    public static final String THREAD = "plinth-lua-compiler";

    private final ChunkCompiler compiler;
    private final ExecutorService threads;
    private final int maxFunctionSize;
    private final Duration timeout;

    /**
     * Bounds a compiler.
     *
     * @param compiler LuaJC
     * @param threads where compilations run; owned by the caller
     * @param maxFunctionSize the longest function, in Lua instructions, LuaJC is given
     * @param timeout how long a compilation may take
     */
    public BoundedCompiler(ChunkCompiler compiler, ExecutorService threads, int maxFunctionSize, Duration timeout) {
        this.compiler = compiler;
        this.threads = threads;
        this.maxFunctionSize = maxFunctionSize;
        this.timeout = timeout;
    }

    @Override
    public LuaFunction compile(String resource, String file, Prototype prototype, LuaValue environment) {
        int largest = largestFunction(prototype);
        if (largest > maxFunctionSize) {
            throw new IllegalStateException("a function of " + largest + " instructions is longer than LuaJC is given ("
                    + maxFunctionSize + ", lua.max_compiled_function_size)");
        }
        Future<LuaFunction> compiled = threads.submit(() -> compiler.compile(resource, file, prototype, environment));
        try {
            return compiled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            compiled.cancel(true);
            throw new IllegalStateException("LuaJC did not compile it within " + timeout.toMillis()
                    + " ms (lua.compile_timeout_ms)", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            compiled.cancel(true);
            throw new IllegalStateException("interrupted while LuaJC compiled it", e);
        }
    }

    /** The instruction count of the longest function in a chunk, its main function included. */
    static int largestFunction(Prototype prototype) {
        int largest = prototype.code.length;
        for (Prototype nested : prototype.p) {
            largest = Math.max(largest, largestFunction(nested));
        }
        return largest;
    }
}
